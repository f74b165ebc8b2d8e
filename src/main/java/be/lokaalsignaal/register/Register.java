package be.lokaalsignaal.register;

import be.lokaalsignaal.avro.Municipality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Flemish municipalities with their history: the 300 in force until 2024-12-31 and the 285 in
 * force from 2025-01-01, each code once. Immutable.
 */
public final class Register {

    /** Last day before the 2025 mergers. */
    public static final LocalDate LAST_DAY_BEFORE_MERGERS = LocalDate.of(2024, 12, 31);
    /** First day after the 2025 mergers. */
    public static final LocalDate FIRST_DAY_AFTER_MERGERS = LocalDate.of(2025, 1, 1);

    public static final Set<String> PROVINCES = Set.of(
            "Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen");

    static final Pattern NIS = Pattern.compile("[1-9][0-9]{4}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final String RESOURCES = "/register/";
    /** Values of {@code websiteConfidence}, surest first. */
    public static final List<String> CONFIDENCES = List.of("high", "medium", "low");
    /** The first day the register covers: the 2019 list is in force from 2019-01-01. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);

    private static volatile Register bundled;

    private final Map<String, Municipality> byNis;
    private final List<Municipality> all;

    private Register(Map<String, Municipality> byNis) {
        this.byNis = Collections.unmodifiableMap(new TreeMap<>(byNis));
        this.all = List.copyOf(this.byNis.values());
    }

    /** The register bundled with the application (2019 and 2025 lists and the 2025 mergers). */
    public static Register bundled() {
        Register r = bundled;
        if (r == null) {
            synchronized (Register.class) {
                if (bundled == null) {
                    bundled = buildBundled();
                }
                r = bundled;
            }
        }
        return r;
    }

    private static Register buildBundled() {
        List<Row> before = withWebsiteSources(readBundledRows("municipalities-2019.csv"), "websites-2019-sources.csv");
        List<Row> after = withWebsiteSources(readBundledRows("municipalities-2025.csv"), "websites-2025-sources.csv");
        List<Merger> mergers = bundledMergers();
        Map<String, Row> rows = new LinkedHashMap<>();
        before.forEach(row -> rows.put(row.nis, row));
        after.forEach(row -> rows.putIfAbsent(row.nis, row));
        // the 2025 list has the current name and website of a code present in both
        after.forEach(row -> rows.put(row.nis, row));
        Map<String, String> before2025 = new HashMap<>();
        before.forEach(row -> before2025.put(row.nis, row.name));
        Map<String, String> after2025 = new HashMap<>();
        after.forEach(row -> after2025.put(row.nis, row.name));
        Map<String, Municipality> byNis = new HashMap<>();
        for (Row row : rows.values()) {
            Municipality.Builder b = row.toBuilder();
            if (!after2025.containsKey(row.nis)) {
                b.setValidUntil(LAST_DAY_BEFORE_MERGERS);
            }
            if (!before2025.containsKey(row.nis)) {
                b.setValidFrom(FIRST_DAY_AFTER_MERGERS);
            }
            byNis.put(row.nis, b.build());
        }
        return new Register(applyMergers(byNis, mergers));
    }

    private static Map<String, Municipality> applyMergers(Map<String, Municipality> byNis, List<Merger> mergers) {
        Map<String, List<String>> predecessors = new HashMap<>();
        for (Merger m : mergers) {
            if (!m.oldNis.equals(m.newNis)) {
                predecessors.computeIfAbsent(m.newNis, k -> new ArrayList<>()).add(m.oldNis);
            }
        }
        Map<String, Municipality> result = new HashMap<>(byNis);
        for (Merger m : mergers) {
            Municipality old = result.get(m.oldNis);
            if (old != null && !m.oldNis.equals(m.newNis)) {
                result.put(m.oldNis, Municipality.newBuilder(old)
                        .setValidUntil(LAST_DAY_BEFORE_MERGERS)
                        .setSuccessor(m.newNis)
                        .build());
            }
        }
        predecessors.forEach((nis, olds) -> {
            Municipality merged = result.get(nis);
            if (merged != null) {
                List<String> sorted = new ArrayList<>(olds);
                Collections.sort(sorted);
                result.put(nis, Municipality.newBuilder(merged).setPredecessors(sorted).build());
            }
        });
        return result;
    }

    /**
     * Replaces the register with the rows of a CSV file
     * {@code nis_code,name,province,website[,centrumstad][,website_confidence][,website_source]}
     * (header required, columns found by name). Rows with problems are skipped and reported; the
     * 2025 mergers are applied to the codes the file contains. Without a centrumstad column the
     * 13 centre cities are recognised by code.
     *
     * @throws RegisterException when the file is missing, unreadable, has no usable header or no
     *     usable row: a register of nothing would start a system that counts nothing
     */
    public static RegisterLoad load(Path csv) {
        return RegisterFile.load(csv);
    }

    /** A register of a file's rows, with the 2025 mergers applied to the codes they hold. */
    static Register ofLoaded(Map<String, Municipality> byNis) {
        return new Register(applyLoadedMergers(byNis));
    }

    private static Map<String, Municipality> applyLoadedMergers(Map<String, Municipality> byNis) {
        List<Merger> mergers = bundledMergers();
        Map<String, Municipality> dated = new HashMap<>(byNis);
        for (Merger m : mergers) {
            Municipality newOne = dated.get(m.newNis);
            if (newOne != null && !m.oldNis.equals(m.newNis) && !bundledCodes2019().contains(m.newNis)) {
                dated.put(m.newNis, Municipality.newBuilder(newOne).setValidFrom(FIRST_DAY_AFTER_MERGERS).build());
            }
        }
        return applyMergers(dated, mergers);
    }

    /** A host ({@code www.gent.be}) or URL becomes a URL; blank means no known website. */
    static Optional<String> normaliseWebsite(String website) {
        String w = website.trim();
        if (w.isEmpty()) {
            return Optional.empty();
        }
        if (w.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("contains whitespace");
        }
        String withScheme = w.contains("://") ? w : "https://" + w;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https");
        }
        String host = uri.getHost();
        if (host == null || !HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("no valid host name");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "" : uri.getRawPath();
        if (path.equals("/")) {
            path = "";
        }
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + port + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    // ---- queries -------------------------------------------------------------------------

    /** Every municipality known to the register, in NIS order. */
    public List<Municipality> all() {
        return all;
    }

    public Optional<Municipality> byNis(String nis) {
        return Optional.ofNullable(nis == null ? null : byNis.get(nis.trim()));
    }

    /** The municipalities that exist on the given date. */
    public List<Municipality> inForceOn(LocalDate date) {
        return all.stream().filter(m -> inForce(m, date)).toList();
    }

    public static boolean inForce(Municipality m, LocalDate date) {
        return (m.getValidFrom() == null || !date.isBefore(m.getValidFrom()))
                && (m.getValidUntil() == null || !date.isAfter(m.getValidUntil()));
    }

    /**
     * The NIS code that counts for this municipality's facts on the given date: the code itself
     * while it exists (or before it existed), otherwise the code it merged into.
     *
     * @throws IllegalArgumentException for a code the register does not know
     */
    public String successorOn(String nis, LocalDate date) {
        Municipality m = byNis.get(nis);
        if (m == null) {
            throw new IllegalArgumentException("Unknown NIS code " + nis);
        }
        for (int hops = 0; hops < 10; hops++) {
            if (m.getValidUntil() == null || !date.isAfter(m.getValidUntil()) || m.getSuccessor() == null) {
                return m.getNisCode();
            }
            Municipality next = byNis.get(m.getSuccessor());
            if (next == null) {
                return m.getSuccessor();
            }
            m = next;
        }
        return m.getNisCode();
    }

    /**
     * The municipality whose website this host is ({@code www.} or not, any case; a URL is
     * accepted), preferring one in force today. A host known only for a merged-away municipality
     * gives that municipality's code; {@link #successorOn} gives the code that counts.
     */
    public Optional<String> nisForHost(String host) {
        return nisForHost(host, LocalDate.now());
    }

    /** As {@link #nisForHost(String)}, preferring the municipality in force on the given date. */
    public Optional<String> nisForHost(String host, LocalDate date) {
        String wanted = hostKey(host);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return all.stream()
                .filter(m -> m.getWebsite() != null && hostKey(m.getWebsite()).equals(wanted))
                .min(Comparator.comparing((Municipality m) -> !inForce(m, date))
                        .thenComparing(m -> m.getValidUntil() != null))
                .map(Municipality::getNisCode);
    }

    static String hostKey(String hostOrUrl) {
        String h = hostOrUrl == null ? "" : hostOrUrl.trim().toLowerCase(Locale.ROOT);
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int end = h.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = h.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        h = h.substring(0, end);
        int at = h.lastIndexOf('@');
        if (at >= 0) {
            h = h.substring(at + 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** The municipalities in force today that have a known website: the ones to scan. */
    public List<Municipality> withWebsite() {
        return withWebsiteOn(LocalDate.now());
    }

    public List<Municipality> withWebsiteOn(LocalDate date) {
        return all.stream().filter(m -> m.getWebsite() != null && inForce(m, date)).toList();
    }

    // ---- bundled data --------------------------------------------------------------------

    private record Row(String nis, String name, String province, boolean centre, String website,
                       String confidence, String source) {
        Row withSource(String confidence, String source) {
            return new Row(nis, name, province, centre, website, confidence, source);
        }

        Municipality.Builder toBuilder() {
            return Municipality.newBuilder()
                    .setNisCode(nis)
                    .setName(name)
                    .setProvince(province)
                    .setCentreCity(centre)
                    .setWebsite(website)
                    .setWebsiteConfidence(confidence)
                    .setWebsiteSource(source)
                    .setValidFrom(null)
                    .setValidUntil(null)
                    .setSuccessor(null)
                    .setPredecessors(List.of());
        }
    }

    private record Merger(String oldNis, String newNis) {
    }

    private static List<Row> readBundledRows(String name) {
        List<String> lines = readResource(name);
        RegisterHeader header = RegisterHeader.parse(lines.get(0), Path.of(name));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = Csv.split(line);
            rows.add(new Row(f.get(header.nis), f.get(header.name), f.get(header.province),
                    Boolean.parseBoolean(f.get(header.centre)), normaliseWebsite(f.get(header.website)).orElse(null), null, null));
        }
        return rows;
    }

    /**
     * The source and confidence of each website, from {@code websites-YYYY-sources.csv}
     * ({@code nis_code,website,confidence,source}); the host there must be the register's.
     */
    private static List<Row> withWebsiteSources(List<Row> rows, String sourcesFile) {
        Map<String, List<String>> sources = new HashMap<>();
        List<String> lines = readResource(sourcesFile);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                List<String> f = Csv.split(line);
                sources.put(f.get(0), f);
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            List<String> f = sources.get(row.nis);
            if (row.website == null) {
                out.add(row);
                continue;
            }
            if (f == null || !hostKey(f.get(1)).equals(hostKey(row.website)) || !CONFIDENCES.contains(f.get(2))) {
                throw new IllegalStateException("Bundled register: " + sourcesFile + " does not confirm the website of " + row.nis);
            }
            out.add(row.withSource(f.get(2), f.get(3)));
        }
        return out;
    }

    private static List<Merger> bundledMergers() {
        List<String> lines = readResource("mergers-2025.csv");
        List<Merger> mergers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                List<String> f = Csv.split(line);
                mergers.add(new Merger(f.get(0), f.get(2)));
            }
        }
        return mergers;
    }

    static Set<String> bundledCentreCities() {
        Set<String> codes = new java.util.HashSet<>();
        for (String name : List.of("municipalities-2019.csv", "municipalities-2025.csv")) {
            readBundledRows(name).stream().filter(Row::centre).forEach(r -> codes.add(r.nis));
        }
        return codes;
    }

    private static Set<String> bundledCodes2019() {
        Set<String> codes = new java.util.HashSet<>();
        readBundledRows("municipalities-2019.csv").forEach(r -> codes.add(r.nis));
        return codes;
    }

    private static List<String> readResource(String name) {
        try (InputStream in = Register.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("Bundled register file missing: " + RESOURCES + name);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
