package be.lokaalsignaal.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret that instances of one application share, so that the internal peer endpoints (records
 * travelling between instances) answer only them. It is kept in {@value #FILE} in the data
 * directory, made on the first start (256 random bits, readable by the owner only); instances on
 * other data directories get a copy of that file before they start.
 */
public final class PeerSecret {
    /** The header a peer request carries the secret in. */
    public static final String HEADER = "X-Lokaal-Signaal-Peer";
    /** The file in the data directory. */
    public static final String FILE = "peer-secret";

    private final String value;

    private PeerSecret(String value) {
        this.value = value;
    }

    /** The secret of a data directory, made when it has none yet. */
    public static PeerSecret inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                create(file, HexFormat.of().formatHex(random));
            }
            String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (value.length() < 16) {
                throw new IllegalStateException(file + " holds no usable secret (at least 16 characters); delete it to get a new one");
            }
            return new PeerSecret(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the peer secret " + file, e);
        }
    }

    private static void create(Path file, String value) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, value + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A given secret: for tests. */
    public static PeerSecret of(String value) {
        return new PeerSecret(value);
    }

    /** Adds the secret to a request to another instance. */
    HttpRequest.Builder sign(HttpRequest.Builder request) {
        return request.header(HEADER, value);
    }

    /** True when a request's header carries this secret (compared in constant time). */
    boolean accepts(String header) {
        return header != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
