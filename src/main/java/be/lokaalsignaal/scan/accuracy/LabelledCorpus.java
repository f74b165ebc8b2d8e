package be.lokaalsignaal.scan.accuracy;

import be.lokaalsignaal.register.NameMatcher;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A labelled part of the accuracy corpus: a directory with labels.yml and the pages it names (the layout is
 * described in src/test/resources/accuracy/README.md). Every page must be labelled and every label must name a
 * page: a corpus that says less than it holds would give figures over the wrong pages.
 */
public final class LabelledCorpus {
    /**
     * A corpus's labels grow by some 60 KB with each evaluation, and the held-out part's passed the YAML reader's
     * default limit of 3 MB: labels are the analysts' own file, so the limit only stops a runaway file.
     */
    private static final int LABELS_LIMIT = 64 * 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(labelsOptions()).build());

    private static final Set<String> FIELDS = Set.of("file", "url", "municipality", "expected", "reason");
    /** The names of labels.yml are those of the 2025 register. */
    private static final LocalDate REGISTER_DATE = Register.FIRST_DAY_AFTER_MERGERS;

    private final Path dir;
    private final List<LabelledPage> pages;

    private LabelledCorpus(Path dir, List<LabelledPage> pages) {
        this.dir = dir;
        this.pages = List.copyOf(pages);
    }

    public Path dir() {
        return dir;
    }

    public List<LabelledPage> pages() {
        return pages;
    }

    private static LoaderOptions labelsOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(LABELS_LIMIT);
        return options;
    }

    /** The YAML tree of a labels file (labels.yml, a second labelling), read past the YAML reader's default limit. */
    public static JsonNode readYaml(Path labels) throws IOException {
        return YAML.readTree(Files.readString(labels, StandardCharsets.UTF_8));
    }

    /** Reads dir/labels.yml; a CorpusException names the file, the entry and the field at fault. */
    public static LabelledCorpus read(Path dir, Register register) {
        Path labels = dir.resolve("labels.yml");
        if (!Files.isDirectory(dir)) {
            throw new CorpusException(dir + ": no such directory");
        }
        if (!Files.isRegularFile(labels)) {
            throw new CorpusException(labels + ": file not found");
        }
        JsonNode root;
        try {
            root = readYaml(labels);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new CorpusException(labels + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CorpusException(labels + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new CorpusException(labels + ": expected a list of pages (- file: ..., url: ..., municipality: ..., "
                    + "expected: [...], reason: ...)");
        }
        NameMatcher names = new NameMatcher(register);
        List<LabelledPage> pages = new ArrayList<>();
        Set<String> files = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            LabelledPage page = page(dir, labels, root.get(i), i, names);
            if (!files.add(page.name())) {
                throw new CorpusException(labels + ": entry " + (i + 1) + " (" + page.name() + "): labelled twice");
            }
            pages.add(page);
        }
        Set<String> unlabelled = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".html") || n.endsWith(".pdf.txt"))
                    .filter(n -> !files.contains(n))
                    .forEach(unlabelled::add);
        } catch (IOException e) {
            throw new CorpusException(dir + ": cannot list: " + e.getMessage(), e);
        }
        if (!unlabelled.isEmpty()) {
            throw new CorpusException(labels + ": pages without a label: " + unlabelled);
        }
        return new LabelledCorpus(dir, pages);
    }

    private static LabelledPage page(Path dir, Path labels, JsonNode n, int i, NameMatcher names) {
        String where = labels + ": entry " + (i + 1);
        if (!n.isObject()) {
            throw new CorpusException(where + ": expected a mapping with " + new TreeSet<>(FIELDS));
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new CorpusException(where + ": unknown field '" + f + "'; expected " + new TreeSet<>(FIELDS));
            }
        }
        String file = text(n, "file", where);
        where = where + " (" + file + ")";
        // five digits since the four-digit ranges of 45 pages ran out: a blind part keeps numbers no other part used
        if (!file.matches("[0-9]{3,5}-[a-z0-9-]+\\.(html|pdf\\.txt)")) {
            throw new CorpusException(where + ": file: expected NNN-slug.html or NNN-slug.pdf.txt (a number of three "
                    + "to five digits)");
        }
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new CorpusException(where + ": file: " + path + " does not exist");
        }
        String url = text(n, "url", where);
        try {
            URI u = new URI(url);
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                throw new URISyntaxException(url, "expected an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new CorpusException(where + ": url: '" + url + "' is not a URL: " + e.getReason());
        }
        String municipality = text(n, "municipality", where);
        Optional<String> nis = names.resolveName(municipality, REGISTER_DATE);
        if (nis.isEmpty()) {
            List<String> near = names.suggestions(municipality);
            throw new CorpusException(where + ": municipality: '" + municipality + "' is not in the register"
                    + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?"));
        }
        JsonNode expected = n.get("expected");
        if (expected == null || !expected.isArray()) {
            throw new CorpusException(where + ": expected: give a list of kinds, [] for none");
        }
        Set<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        for (JsonNode k : expected) {
            SignalKind kind;
            try {
                kind = SignalKind.parse(k.asText());
            } catch (IllegalArgumentException e) {
                throw new CorpusException(where + ": expected: unknown kind '" + k.asText() + "'; expected "
                        + SignalKind.websiteKinds());
            }
            if (!kind.fromWebsite()) {
                throw new CorpusException(where + ": expected: " + kind + " is not a website signal");
            }
            kinds.add(kind);
        }
        return new LabelledPage(path, url, municipality, nis.get(), kinds, text(n, "reason", where));
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new CorpusException(where + ": " + field + ": missing");
        }
        return v.asText().strip();
    }

    /** The kinds the corpus is labelled with, for the figures: the website kinds. */
    public static Set<SignalKind> kinds() {
        return SignalKind.websiteKinds();
    }

    @Override
    public String toString() {
        return dir + " (" + pages.size() + " pages)";
    }
}
