package be.lokaalsignaal.source.learningnetwork;

import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.register.Csv;
import be.lokaalsignaal.register.NameMatcher;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.register.TextFold;
import be.lokaalsignaal.source.SourceError;
import be.lokaalsignaal.source.SourceException;
import be.lokaalsignaal.source.TextFiles;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the learning-network sessions the team keeps, as YAML or CSV (chosen by extension).
 *
 * <p>YAML: a list of sessions, or a mapping with {@code sessions:} and defaults for
 * {@code network} and {@code provenance}. CSV: a header with the field names; list fields are
 * separated by ';'. Fields: date (YYYY-MM-DD), title, network, presenters (names or NIS codes),
 * themes, practices, links, provenance.
 *
 * <p>Every problem names file, line and field; an entry with a problem is skipped and the
 * others are read.
 */
public final class SessionReader {

    public static final String DEFAULT_NETWORK = "lerend netwerk centrumsteden";

    private static final List<String> FIELDS = List.of(
            "date", "title", "network", "presenters", "themes", "practices", "links", "provenance");
    private static final Set<String> LIST_FIELDS = Set.of("presenters", "themes", "practices", "links");
    private static final Pattern NIS = Pattern.compile("\\d{5}");

    private final Register register;
    private final NameMatcher names;

    public SessionReader(Register register) {
        this.register = register;
        this.names = new NameMatcher(register);
    }

    private record Field(int line, List<String> values) {
        String single() {
            return values.isEmpty() ? "" : String.join(", ", values).strip();
        }
    }

    private record Entry(int line, Map<String, Field> fields) {
    }

    /** Reads a .yml/.yaml or .csv file. */
    public SessionResult read(Path file) {
        String label = file.toString();
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        try {
            if (!name.endsWith(".yml") && !name.endsWith(".yaml") && !name.endsWith(".csv")) {
                throw new SourceException("not a sessions file (expected .yml, .yaml or .csv)");
            }
            String text = TextFiles.readUtf8(file);
            return name.endsWith(".csv") ? readCsv(text, label) : readYaml(text, label);
        } catch (SourceException e) {
            return new SessionResult(List.of(), List.of(e.toError(label)));
        }
    }

    /** Sessions from YAML text; {@code file} names the input in errors and in each record's source. */
    public SessionResult readYaml(String text, String file) {
        List<SourceError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, Field> defaults = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new SessionResult(List.of(), List.of(new SourceError(file, "file is empty")));
            }
            if (first == JsonToken.START_ARRAY) {
                readEntries(p, mapper, file, entries, errors);
            } else if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int line = line(p.currentTokenLocation());
                    JsonToken value = p.nextToken();
                    if (key.equals("sessions") && value == JsonToken.START_ARRAY) {
                        readEntries(p, mapper, file, entries, errors);
                    } else if (key.equals("network") || key.equals("provenance")) {
                        defaults.put(key, new Field(line, List.of(mapper.<JsonNode>readTree(p).asText())));
                    } else {
                        p.skipChildren();
                        errors.add(new SourceError(file + ":" + line, "unknown top-level key '" + key
                                + "' (expected sessions, network, provenance)"));
                    }
                }
            } else {
                return new SessionResult(List.of(), List.of(new SourceError(file + ":" + line(p.currentTokenLocation()),
                        "expected a list of sessions or a mapping with 'sessions:'")));
            }
        } catch (JsonProcessingException e) {
            errors.add(new SourceError(file + ":" + line(e.getLocation()), "malformed YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            errors.add(new SourceError(file, "cannot be read: " + e.getMessage()));
        }
        return validate(entries, defaults, file, errors);
    }

    private static void readEntries(JsonParser p, ObjectMapper mapper, String file, List<Entry> entries,
                                    List<SourceError> errors) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            int entryLine = line(p.currentTokenLocation());
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                errors.add(new SourceError(file + ":" + entryLine, "expected a session (a mapping with date, title, ...)"));
                continue;
            }
            Map<String, Field> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = line(p.currentTokenLocation());
                p.nextToken();
                JsonNode value = mapper.<JsonNode>readTree(p);
                List<String> values = new ArrayList<>();
                if (value == null || value.isNull()) {
                    // an empty field: no values
                } else if (value.isArray()) {
                    for (JsonNode v : value) {
                        values.add(v.isValueNode() ? v.asText() : "\u0000");
                    }
                } else if (value.isValueNode()) {
                    values.add(value.asText());
                } else {
                    values.add("\u0000");
                }
                fields.put(key, new Field(line, values));
            }
            entries.add(new Entry(entryLine, fields));
        }
    }

    /** Sessions from CSV text with a header line; list fields are separated by ';'. */
    public SessionResult readCsv(String text, String file) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || lines.stream().allMatch(String::isBlank)) {
            return new SessionResult(List.of(), List.of(new SourceError(file, "file is empty")));
        }
        List<String> header = Csv.split(lines.get(0)).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        List<SourceError> errors = new ArrayList<>();
        for (String h : header) {
            if (!FIELDS.contains(h)) {
                errors.add(new SourceError(file + ":1", "unknown column '" + h + "' (expected " + String.join(", ", FIELDS) + ")"));
            }
        }
        if (!header.contains("date") || !header.contains("title")) {
            errors.add(new SourceError(file + ":1", "header needs at least the columns date and title"));
        }
        if (!errors.isEmpty()) {
            return new SessionResult(List.of(), errors);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> cells = Csv.split(lines.get(i));
            if (cells.size() != header.size()) {
                errors.add(new SourceError(file + ":" + line, "expected " + header.size() + " columns but found " + cells.size()));
                continue;
            }
            Map<String, Field> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String cell = cells.get(c);
                List<String> values = new ArrayList<>();
                if (LIST_FIELDS.contains(header.get(c))) {
                    for (String v : cell.split(";")) {
                        if (!v.isBlank()) {
                            values.add(v.strip());
                        }
                    }
                } else if (!cell.isBlank()) {
                    values.add(cell);
                }
                fields.put(header.get(c), new Field(line, values));
            }
            entries.add(new Entry(line, fields));
        }
        return validate(entries, Map.of(), file, errors);
    }

    private SessionResult validate(List<Entry> entries, Map<String, Field> defaults, String file, List<SourceError> errors) {
        List<LearningNetworkSession> sessions = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (Entry entry : entries) {
            List<SourceError> problems = new ArrayList<>();
            Optional<LearningNetworkSession> session = session(entry, defaults, file, problems);
            if (session.isPresent()) {
                String id = session.get().getSessionId();
                Integer earlier = idLines.putIfAbsent(id, entry.line());
                if (earlier != null) {
                    problems.add(new SourceError(file + ":" + entry.line(), "duplicate session " + id + " (first on line " + earlier + ")"));
                }
            }
            if (problems.isEmpty()) {
                sessions.add(session.orElseThrow());
            } else {
                errors.addAll(problems);
            }
        }
        // structural problems are found while reading, entry problems afterwards: report in file order
        errors.sort(java.util.Comparator.comparingInt(SessionReader::lineOf));
        return new SessionResult(sessions, errors);
    }

    private static int lineOf(SourceError e) {
        int colon = e.source().lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(e.source().substring(colon + 1));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private Optional<LearningNetworkSession> session(Entry entry, Map<String, Field> defaults, String file, List<SourceError> problems) {
        for (Map.Entry<String, Field> f : entry.fields().entrySet()) {
            if (!FIELDS.contains(f.getKey())) {
                problems.add(error(file, f.getValue().line(), f.getKey(), "unknown field (expected " + String.join(", ", FIELDS) + ")"));
            } else if (f.getValue().values().contains("\u0000")) {
                problems.add(error(file, f.getValue().line(), f.getKey(), "expected text or a list of text"));
            } else if (!LIST_FIELDS.contains(f.getKey()) && f.getValue().values().size() > 1) {
                problems.add(error(file, f.getValue().line(), f.getKey(), "expected one value, not a list"));
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Field dateField = entry.fields().get("date");
        LocalDate date = null;
        if (dateField == null || dateField.single().isEmpty()) {
            problems.add(error(file, entry.line(), "date", "missing"));
        } else {
            try {
                date = LocalDate.parse(dateField.single());
            } catch (DateTimeParseException e) {
                problems.add(error(file, dateField.line(), "date", "'" + dateField.single() + "' is not a date (expected YYYY-MM-DD)"));
            }
        }
        Field titleField = entry.fields().get("title");
        String title = titleField == null ? "" : titleField.single().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            problems.add(error(file, titleField == null ? entry.line() : titleField.line(), "title", "missing"));
        }
        String network = text(entry, defaults, "network").orElse(DEFAULT_NETWORK);
        String provenance = text(entry, defaults, "provenance").orElse(null);
        List<String> presenters = date == null ? List.of() : presenters(entry, date, file, problems);
        List<String> links = links(entry, file, problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LearningNetworkSession.newBuilder()
                .setSessionId(date + "-" + TextFold.slug(title))
                .setDate(date)
                .setTitle(title)
                .setNetwork(network)
                .setPresenters(presenters)
                .setThemes(list(entry, "themes"))
                .setPractices(list(entry, "practices"))
                .setLinks(links)
                .setSource(file + ":" + entry.line())
                .setProvenance(provenance)
                .build());
    }

    private static Optional<String> text(Entry entry, Map<String, Field> defaults, String name) {
        Field f = entry.fields().getOrDefault(name, defaults.get(name));
        return f == null ? Optional.empty() : Optional.of(f.single()).filter(s -> !s.isEmpty());
    }

    private static List<String> list(Entry entry, String name) {
        Field f = entry.fields().get(name);
        return f == null ? List.of() : f.values().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private List<String> presenters(Entry entry, LocalDate date, String file, List<SourceError> problems) {
        Field f = entry.fields().get("presenters");
        if (f == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String value : f.values()) {
            for (String raw : value.split("[,;]")) {
                String name = raw.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (NIS.matcher(name).matches()) {
                    Optional<Municipality> m = register.byNis(name);
                    if (m.isEmpty()) {
                        problems.add(error(file, f.line(), "presenters", "unknown NIS code " + name));
                    } else if (m.get().getValidFrom() != null && date.isBefore(m.get().getValidFrom())) {
                        problems.add(error(file, f.line(), "presenters", "municipality " + name + " " + m.get().getName()
                                + " did not exist yet on " + date + " (it exists from " + m.get().getValidFrom() + ")"));
                    } else {
                        codes.add(register.successorOn(name, date));
                    }
                    continue;
                }
                Optional<String> nis = names.resolveName(name, date);
                if (nis.isPresent()) {
                    codes.add(nis.get());
                } else {
                    List<String> near = names.suggestions(name);
                    problems.add(error(file, f.line(), "presenters", "unknown municipality '" + name + "'"
                            + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)")));
                }
            }
        }
        return List.copyOf(codes);
    }

    private static List<String> links(Entry entry, String file, List<SourceError> problems) {
        Field f = entry.fields().get("links");
        if (f == null) {
            return List.of();
        }
        List<String> links = new ArrayList<>();
        for (String value : f.values()) {
            String link = value.strip();
            try {
                URI uri = new URI(link);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
                    throw new URISyntaxException(link, "not http(s)");
                }
                links.add(link);
            } catch (URISyntaxException e) {
                problems.add(error(file, f.line(), "links", "'" + link + "' is not an http(s) URL"));
            }
        }
        return links;
    }

    private static SourceError error(String file, int line, String field, String reason) {
        return new SourceError(file + ":" + line, field + ": " + reason);
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }
}
