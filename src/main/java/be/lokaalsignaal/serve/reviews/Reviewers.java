package be.lokaalsignaal.serve.reviews;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The reviewers file: who may write reviews, each with a bcrypt hash of their password, one
 * {@code NAME:HASH} line per reviewer, as {@code htpasswd -B} writes it ({@code $2a$}, {@code $2b$}
 * or {@code $2y$}); blank lines and lines starting with {@code #} are ignored. Hashing and checking
 * are Spring Security's bcrypt; a password is never stored or logged.
 *
 * <p>The running server rereads the file when it changes, so a reviewer added with
 * {@code add-reviewer} can log in at once; a file that no longer reads keeps the last good list.
 */
public final class Reviewers {
    private static final Logger log = LoggerFactory.getLogger(Reviewers.class);

    /** Cost of new hashes: 2^12 rounds, about a quarter of a second per check on a small server. */
    public static final int COST = 12;
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes of a password; a longer one would be cut without a word. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(COST);
    /** Checked against when the name is unknown, so that an unknown name takes as long as a wrong password. */
    private static final String UNKNOWN_USER_HASH = ENCODER.encode("no reviewer has this password, it only costs time");

    private final Path file;
    private volatile Snapshot snapshot;

    private record Snapshot(FileTime modified, long size, Map<String, String> hashes) {}

    private Reviewers(Path file, Snapshot snapshot) {
        this.file = file;
        this.snapshot = snapshot;
    }

    /**
     * Reads the file.
     *
     * @throws ReviewersFileException naming the file and the line when it is missing or does not read
     */
    public static Reviewers load(Path file) {
        return new Reviewers(file, read(file));
    }

    public Path file() {
        return file;
    }

    /** The reviewers' names, in file order. */
    public List<String> names() {
        refresh();
        return List.copyOf(snapshot.hashes().keySet());
    }

    /**
     * The reviewer's name when the password is theirs. Takes about as long for an unknown name as for
     * a known one.
     */
    public Optional<String> authenticate(String name, String password) {
        refresh();
        if (name == null || password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.empty();
        }
        String hash = snapshot.hashes().get(name);
        boolean matches = ENCODER.matches(password, hash == null ? UNKNOWN_USER_HASH : hash);
        return matches && hash != null ? Optional.of(name) : Optional.empty();
    }

    /** Rereads the file when its time or size changed; keeps the last good list when it does not read. */
    private void refresh() {
        Snapshot current = snapshot;
        try {
            if (Files.getLastModifiedTime(file).equals(current.modified()) && Files.size(file) == current.size()) {
                return;
            }
            synchronized (this) {
                snapshot = read(file);
            }
            log.info("reviewers file {} reread: {} reviewers", file, snapshot.hashes().size());
        } catch (IOException | ReviewersFileException e) {
            log.warn("reviewers file {} could not be reread ({}); the last good list of {} reviewers stays", file, e.getMessage(),
                    current.hashes().size());
        }
    }

    private static Snapshot read(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return new Snapshot(modified, size, parse(file, lines));
        } catch (NoSuchFileException e) {
            throw new ReviewersFileException(file + ": no such file; create it with 'lokaal-signaal add-reviewer --reviewers " + file + " NAME'");
        } catch (IOException e) {
            throw new ReviewersFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Map<String, String> parse(Path file, List<String> lines) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new ReviewersFileException(where + ": expected NAME:HASH");
            }
            String name = line.substring(0, colon);
            String hash = line.substring(colon + 1);
            checkName(name, where);
            if (!BCRYPT.matcher(hash).matches()) {
                throw new ReviewersFileException(where + ": the hash of '" + name + "' is not a bcrypt hash ($2a$, $2b$ or $2y$ and 53 characters)");
            }
            if (hashes.putIfAbsent(name, hash) != null) {
                throw new ReviewersFileException(where + ": '" + name + "' is named twice");
            }
        }
        return hashes;
    }

    private static void checkName(String name, String where) {
        if (!NAME.matcher(name).matches()) {
            throw new ReviewersFileException(where + ": '" + name + "' is not a reviewer name (1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit)");
        }
    }

    /** A problem with a password given for a new reviewer, or null when it is acceptable. */
    public static String passwordProblem(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return "the password is shorter than " + MIN_PASSWORD_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "the password is longer than " + MAX_PASSWORD_BYTES + " bytes, more than bcrypt reads";
        }
        if (password.isBlank() || !password.strip().equals(password)) {
            return "the password begins or ends with white space";
        }
        return null;
    }

    /**
     * Adds a reviewer to the file, or gives an existing one a new password; creates the file (readable
     * by its owner only) when it does not exist. The file is replaced in one move, so a server reading
     * it never sees half of it.
     *
     * @return true when the reviewer was already in the file
     * @throws ReviewersFileException when the name or password is not acceptable, or the file does not read
     */
    public static boolean put(Path file, String name, String password) {
        checkName(name, "reviewer name");
        String problem = passwordProblem(password);
        if (problem != null) {
            throw new ReviewersFileException(problem);
        }
        List<String> lines = new ArrayList<>();
        if (Files.exists(file)) {
            read(file);
            try {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ReviewersFileException(file + ": cannot be read (" + e.getMessage() + ")");
            }
        } else {
            lines.add("# lokaal-signaal reviewers: NAME:HASH per line (bcrypt); add or change one with 'lokaal-signaal add-reviewer'");
        }
        String entry = name + ":" + ENCODER.encode(password);
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("#") && line.startsWith(name + ":")) {
                lines.set(i, entry);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(entry);
        }
        write(file, lines);
        return replaced;
    }

    private static void write(Path file, List<String> lines) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".reviewers", ".tmp");
            try {
                ownerOnly(temp);
                Files.writeString(temp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ReviewersFileException(file + ": cannot be written (" + e.getMessage() + ")");
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions protect it
        }
    }
}
