package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.EvidencePhrase;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import be.lokaalsignaal.topics.SignalKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * An in-memory {@link UptakeSource} for the HTTP-layer tests: the real register (300 and 285
 * municipalities, the 2025 mergers, each website with its confidence), the documented seed facts
 * (Mechelen, Gent, Antwerpen, the 2021-03-03 call) and a deterministic spread of signals over the
 * other municipalities. Websites are scanned daily from 2020-09-07; about one in eight, and the
 * four of low confidence, were never reached (their scans fail UNREACHABLE), so they are not
 * scanned. {@link #everyScanFails()} gives a source where no scan ever succeeded, as a run without
 * network access has. Records are cut to the asked date the way the topology cuts them, so
 * different dates give different answers, and a merged municipality carries the history of the
 * ones it absorbed.
 */
final class SampleUptakeSource implements UptakeSource {
    static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    static final LocalDate MERGER_DAY = LocalDate.of(2025, 1, 1);
    static final LocalDate CALL_DATE = LocalDate.of(2021, 3, 3);
    static final String CALL_ISSUE = "2021-03-03-nieuwsbrief-lokaal-gelijkekansenbeleid";
    static final String NEE_IS_NEE_ISSUE = "2020-03-04-nieuwsbrief-lokaal-gelijkekansenbeleid";
    static final String NIGHTLIFE_ISSUE = "2023-10-11-nieuwsbrief-lokaal-gelijkekansenbeleid";
    static final String SESSION_2019 = "2019-10-19-lerend-netwerk-centrumsteden";
    static final String SESSION_2021 = "2021-05-07-grensoverschrijdend-gedrag-in-de-publieke-ruimte";
    static final String MECHELEN = "12025";
    static final String GENT = "44021";
    static final String ANTWERPEN = "11002";
    static final LocalDate FIRST_SCAN = LocalDate.of(2020, 9, 7);
    static final String BUNDLED = "reconstructed from the parliamentary answers";
    static final String NIGHTLIFE_ISSUE_URL = "https://nieuwsbrief.gelijkekansen.example/2023-10-11";
    static final String SESSION_2021_URL = "https://lerendnetwerk.example/2021-05-07-verslag.pdf";

    record Entry(String nis, String name, String province, boolean centreCity, String website, String confidence) {}

    /** One period of presence, on days; until null while present. */
    /** A period of presence with its evidence; rule, actor and phrases only for website evidence that names them. */
    record Span(LocalDate from, LocalDate until, String url, String snippet, String source, String rule, String actor,
            List<EvidencePhrase> phrases) {
        Span(LocalDate from, LocalDate until, String url, String snippet, String source) {
            this(from, until, url, snippet, source, null, null, List.of());
        }
    }

    /** The campaign rule's phrases for Mechelen's campaign page, and the campaign reader's score and words. */
    static final List<EvidencePhrase> MECHELEN_CAMPAIGN_PHRASES = List.of(
            new EvidencePhrase("campagne", "*campagne", "Campagne"),
            new EvidencePhrase("thema", "seksuele intimidatie", "seksuele intimidatie"),
            new EvidencePhrase("actor", "@gemeente", "de stad Mechelen"),
            new EvidencePhrase("reader", "score 0.91, threshold 0.50", "campagne, affiches, {gemeente}"));

    private final LocalDate today;
    private final Map<String, Entry> register2019 = new LinkedHashMap<>();
    private final Map<String, Entry> register2025 = new LinkedHashMap<>();
    private final Map<String, String> successorOf = new HashMap<>();
    private final Map<String, List<String>> predecessorsOf = new HashMap<>();
    private final Map<String, Map<SignalKind, List<Span>>> history = new HashMap<>();
    private final Map<String, List<SourceRef>> featuredIn = new HashMap<>();
    private final Map<String, List<SourceRef>> presentedAt = new HashMap<>();
    private final boolean everyScanFails;
    private volatile boolean unavailable;
    private volatile ScanProgress scan;

    SampleUptakeSource(LocalDate today) {
        this(today, false);
    }

    private SampleUptakeSource(LocalDate today, boolean everyScanFails) {
        this.today = today;
        this.everyScanFails = everyScanFails;
        read("/register/municipalities-2019.csv", "/register/websites-2019-sources.csv", register2019);
        read("/register/municipalities-2025.csv", "/register/websites-2025-sources.csv", register2025);
        for (String[] row : rows("/register/mergers-2025.csv")) {
            if (!row[0].equals(row[2])) {
                successorOf.put(row[0], row[2]);
            }
            predecessorsOf.computeIfAbsent(row[2], k -> new ArrayList<>()).add(row[0]);
        }
        seedFacts();
        spread();
        scan = completeScan();
    }

    /** The same facts, but every scan of every website failed: nothing is scanned. */
    static SampleUptakeSource everyScanFails(LocalDate today) {
        return new SampleUptakeSource(today, true);
    }

    /** Whether the municipality's scans fail: about one in eight, and every website of low confidence. */
    boolean unreachable(Entry e) {
        if (everyScanFails || "low".equals(e.confidence())) {
            return true;
        }
        if (e.nis().equals(MECHELEN) || e.nis().equals(GENT) || e.nis().equals(ANTWERPEN)) {
            return false;
        }
        return new Random(Long.parseLong(e.nis()) * 104729L).nextDouble() < 0.12;
    }
    void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    void setScan(ScanProgress scan) {
        this.scan = scan;
    }

    private void check() throws StoreUnavailableException {
        if (unavailable) {
            throw new StoreUnavailableException("state stores are restoring");
        }
    }

    // ---- UptakeSource

    @Override
    public List<MunicipalityUptake> municipalities(LocalDate asOf) throws StoreUnavailableException {
        check();
        LocalDate day = asOf == null ? today : asOf;
        Map<String, Entry> register = day.isBefore(MERGER_DAY) ? register2019 : register2025;
        List<MunicipalityUptake> out = new ArrayList<>();
        for (Entry e : register.values()) {
            out.add(record(e, day));
        }
        return out;
    }

    @Override
    public Optional<MunicipalityUptake> municipality(String nisCode, LocalDate asOf) throws StoreUnavailableException {
        check();
        LocalDate day = asOf == null ? today : asOf;
        Entry e = (day.isBefore(MERGER_DAY) ? register2019 : register2025).get(nisCode);
        if (e == null) {
            e = register2019.containsKey(nisCode) ? register2019.get(nisCode) : register2025.get(nisCode);
        }
        return Optional.ofNullable(e).map(entry -> record(entry, day));
    }

    @Override
    public List<CallUptake> calls() throws StoreUnavailableException {
        check();
        int before = 0, within30 = 0, within90 = 0, within365 = 0, later = 0;
        for (MunicipalityUptake m : municipalities(today)) {
            Instant first = null;
            for (SignalKind kind : List.of(SignalKind.SITE_LINK, SignalKind.SITE_MENTION)) {
                Instant seen = m.getSignals().get(kind.name()).getFirstSeen();
                if (seen != null && (first == null || seen.isBefore(first))) {
                    first = seen;
                }
            }
            if (first == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(CALL_DATE, first.atZone(ZONE).toLocalDate());
            if (days < 0) {
                before++;
            } else if (days <= 30) {
                within30++;
            } else if (days <= 90) {
                within90++;
            } else if (days <= 365) {
                within365++;
            } else {
                later++;
            }
        }
        return List.of(CallUptake.newBuilder()
                .setCallId(CALL_ISSUE + "#1").setIssueId(CALL_ISSUE).setCallDate(CALL_DATE)
                .setTitle("Vermeld www.seksueelgeweld.be op je gemeentelijke website")
                .setBefore(before).setWithin30Days(within30).setWithin90Days(within90)
                .setWithin365Days(within365).setLater(later)
                .setUpdatedAt(at(today)).build());
    }

    @Override
    public List<NewsletterIssue> newsletterIssues() throws StoreUnavailableException {
        check();
        return List.of(
                issue(NEE_IS_NEE_ISSUE, LocalDate.of(2020, 3, 4), "Nieuwsbrief lokaal gelijkekansenbeleid maart 2020",
                        "Goede praktijk: de campagne 'Nee is nee' van Mechelen", false),
                issue(CALL_ISSUE, CALL_DATE, "Nieuwsbrief lokaal gelijkekansenbeleid maart 2021",
                        "Vermeld www.seksueelgeweld.be op je gemeentelijke website", true),
                issue(NIGHTLIFE_ISSUE, LocalDate.of(2023, 10, 11), "Nieuwsbrief lokaal gelijkekansenbeleid oktober 2023",
                        "Seksueel geweld in het uitgaansleven: goede praktijken", false));
    }

    @Override
    public List<LearningNetworkSession> sessions() throws StoreUnavailableException {
        check();
        return List.of(
                LearningNetworkSession.newBuilder().setSessionId(SESSION_2019).setDate(LocalDate.of(2019, 10, 19))
                        .setTitle("Eerste sessie lerend netwerk centrumsteden").setPresenters(List.of(MECHELEN))
                        .setProvenance(BUNDLED).build(),
                LearningNetworkSession.newBuilder().setSessionId(SESSION_2021).setDate(LocalDate.of(2021, 5, 7))
                        .setTitle("(Seksueel) grensoverschrijdend gedrag in de publieke ruimte")
                        .setPresenters(List.of(GENT, MECHELEN, ANTWERPEN)).setLinks(List.of(SESSION_2021_URL))
                        .setProvenance(BUNDLED).build());
    }

    @Override
    public ScanProgress latestScan() throws StoreUnavailableException {
        check();
        return scan;
    }

    // ---- the data

    private void seedFacts() {
        history.computeIfAbsent(MECHELEN, k -> new EnumMap<>(SignalKind.class))
                .computeIfAbsent(SignalKind.CAMPAIGN, k -> new ArrayList<>())
                .add(new Span(LocalDate.of(2017, 6, 1), null, "https://www.mechelen.be/nee-is-nee",
                        "Campagne 'Nee is nee' tegen seksuele intimidatie: de stad Mechelen hangt affiches op", "WEBSITE",
                        "campaign-local", "OWN", MECHELEN_CAMPAIGN_PHRASES));
        add(MECHELEN, SignalKind.SITE_LINK, LocalDate.of(2020, 11, 16), null,
                "https://www.mechelen.be/seksueel-geweld", "Hulp nodig? Surf naar www.seksueelgeweld.be", "WEBSITE");
        add(MECHELEN, SignalKind.NEWSLETTER_FEATURE, LocalDate.of(2020, 3, 4), null,
                null, "Mechelen deelt zijn campagne 'Nee is nee'", "NEWSLETTER");
        add(MECHELEN, SignalKind.LEARNING_NETWORK, LocalDate.of(2019, 10, 19), null,
                null, "Mechelen stelt zijn beleid tegen seksueel geweld voor", "LEARNING_NETWORK");
        ref(featuredIn, MECHELEN, NEE_IS_NEE_ISSUE, LocalDate.of(2020, 3, 4), "Nieuwsbrief lokaal gelijkekansenbeleid maart 2020");
        ref(presentedAt, MECHELEN, SESSION_2019, LocalDate.of(2019, 10, 19), "Eerste sessie lerend netwerk centrumsteden");
        for (String nis : List.of(GENT, MECHELEN, ANTWERPEN)) {
            add(nis, SignalKind.LEARNING_NETWORK, LocalDate.of(2021, 5, 7), null,
                    null, "Aanpak van straatintimidatie voorgesteld", "LEARNING_NETWORK");
            ref(presentedAt, nis, SESSION_2021, LocalDate.of(2021, 5, 7),
                    "(Seksueel) grensoverschrijdend gedrag in de publieke ruimte");
        }
        add(GENT, SignalKind.SITE_LINK, LocalDate.of(2021, 3, 15), null,
                "https://stad.gent/nl/welzijn-gezondheid/seksueel-geweld", "Meer info op <a href=\"https://www.seksueelgeweld.be\">seksueelgeweld.be</a>", "WEBSITE");
        add(GENT, SignalKind.NIGHTLIFE, LocalDate.of(2023, 9, 20), null,
                "https://stad.gent/nl/uitgaan/veilig-uitgaan", "Ask for Angela in Gentse cafés, \"safe party\"-label", "WEBSITE");
        add(GENT, SignalKind.NEWSLETTER_FEATURE, LocalDate.of(2023, 10, 11), null,
                null, "Gent werkt met een label voor veilige fuiven", "NEWSLETTER");
        ref(featuredIn, GENT, NIGHTLIFE_ISSUE, LocalDate.of(2023, 10, 11), "Nieuwsbrief lokaal gelijkekansenbeleid oktober 2023");
        add(ANTWERPEN, SignalKind.SAFETY_PLAN, LocalDate.of(2021, 1, 12), null,
                "https://www.antwerpen.be/veiligheidsplan.pdf", "seksueel grensoverschrijdend gedrag, straatintimidatie", "WEBSITE");
    }

    /** A deterministic spread: each municipality its own seed, so reruns give the same numbers. */
    private void spread() {
        for (Entry e : register2019.values()) {
            if (e.nis().equals(MECHELEN) || e.nis().equals(GENT)) {
                continue;
            }
            Random random = new Random(Long.parseLong(e.nis()) * 7919L);
            String host = e.website() == null || e.website().isEmpty()
                    ? e.name().toLowerCase().replaceAll("[^a-z]", "") + ".be" : e.website();
            double r = random.nextDouble();
            if (r < 0.06) {
                LocalDate from = LocalDate.of(2019, 6, 1).plusDays(random.nextInt(600));
                add(e.nis(), SignalKind.SITE_LINK, from, null, "https://" + host + "/hulp", "Hulplijnen: 1712, www.seksueelgeweld.be", "WEBSITE");
            } else if (r < 0.40) {
                LocalDate from = CALL_DATE.plusDays(2 + random.nextInt(1200));
                LocalDate until = random.nextDouble() < 0.12 ? from.plusDays(60 + random.nextInt(400)) : null;
                add(e.nis(), SignalKind.SITE_LINK, from, until, "https://" + host + "/seksueel-geweld",
                        "Slachtoffer van seksueel geweld? Ga naar www.seksueelgeweld.be", "WEBSITE");
            } else if (r < 0.55) {
                LocalDate from = CALL_DATE.plusDays(10 + random.nextInt(1000));
                add(e.nis(), SignalKind.SITE_MENTION, from, null, "https://" + host + "/welzijn",
                        "Meer informatie vind je op seksueelgeweld.be", "WEBSITE");
            }
            if (random.nextDouble() < 0.10) {
                add(e.nis(), SignalKind.CAMPAIGN, LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500)), null,
                        "https://" + host + "/campagne-straatintimidatie", "Lokale campagne tegen straatintimidatie", "WEBSITE");
            }
            if (random.nextDouble() < 0.08) {
                add(e.nis(), SignalKind.SAFETY_PLAN, LocalDate.of(2020, 6, 1).plusDays(random.nextInt(1500)), null,
                        "https://" + host + "/zonaal-veiligheidsplan.pdf", "Prioriteit: seksuele intimidatie en grensoverschrijdend gedrag", "WEBSITE");
            }
            if (random.nextDouble() < 0.07) {
                add(e.nis(), SignalKind.NIGHTLIFE, LocalDate.of(2023, 1, 15).plusDays(random.nextInt(700)), null,
                        "https://" + host + "/veilig-uitgaan", "Charter veilig uitgaan; Ask for Angela", "WEBSITE");
            }
        }
    }

    private void add(String nis, SignalKind kind, LocalDate from, LocalDate until, String url, String snippet, String source) {
        history.computeIfAbsent(nis, k -> new EnumMap<>(SignalKind.class))
                .computeIfAbsent(kind, k -> new ArrayList<>())
                .add(new Span(from, until, url, snippet, source));
    }

    private static void ref(Map<String, List<SourceRef>> refs, String nis, String id, LocalDate date, String title) {
        refs.computeIfAbsent(nis, k -> new ArrayList<>())
                .add(SourceRef.newBuilder().setId(id).setDate(date).setTitle(title).build());
    }

    /** The municipality at the end of the day; a merged one gathers the history of its predecessors. */
    private MunicipalityUptake record(Entry e, LocalDate day) {
        List<String> sources = new ArrayList<>(List.of(e.nis()));
        for (String old : predecessorsOf.getOrDefault(e.nis(), List.of())) {
            if (!sources.contains(old)) {
                sources.add(old);
            }
        }
        Map<String, SignalState> signals = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            List<Span> spans = new ArrayList<>();
            for (String nis : sources) {
                spans.addAll(history.getOrDefault(nis, Map.of()).getOrDefault(kind, List.of()));
            }
            signals.put(kind.name(), state(spans, day));
        }
        List<SourceRef> featured = new ArrayList<>();
        List<SourceRef> presented = new ArrayList<>();
        for (String nis : sources) {
            featuredIn.getOrDefault(nis, List.of()).stream().filter(r -> !r.getDate().isAfter(day)).forEach(featured::add);
            presentedAt.getOrDefault(nis, List.of()).stream().filter(r -> !r.getDate().isAfter(day)).forEach(presented::add);
        }
        boolean newIn2025 = !register2019.containsKey(e.nis());
        boolean goneIn2025 = !register2025.containsKey(e.nis()) || successorOf.containsKey(e.nis());
        // a municipality merged away is no longer scanned: its last scan is that of its last day
        LocalDate scanDay = goneIn2025 && day.isAfter(MERGER_DAY.minusDays(1)) ? MERGER_DAY.minusDays(1) : day;
        boolean fails = unreachable(e);
        ScanSummary lastScan = scanDay.isBefore(FIRST_SCAN) ? null : fails
                ? scanOf(e, scanDay, "FAILED", "UNREACHABLE")
                : scanOf(e, scanDay, "COMPLETED", null);
        ScanSummary firstComplete = scanDay.isBefore(FIRST_SCAN) || fails ? null : scanOf(e, FIRST_SCAN, "COMPLETED", null);
        return MunicipalityUptake.newBuilder()
                .setNisCode(e.nis()).setName(e.name()).setProvince(e.province()).setCentreCity(e.centreCity())
                .setValidFrom(newIn2025 ? MERGER_DAY : null)
                .setValidUntil(goneIn2025 ? MERGER_DAY.minusDays(1) : null)
                .setSuccessor(goneIn2025 ? successorOf.get(e.nis()) : null)
                .setSignals(signals)
                .setFeaturedIn(featured).setPresentedAt(presented)
                .setLastScan(lastScan)
                .setFirstCompleteScan(firstComplete)
                .setLastCompleteScan(firstComplete == null ? null : lastScan)
                .setWebsite(e.website().isEmpty() ? null : "https://" + e.website())
                .setWebsiteConfidence(e.website().isEmpty() ? null : e.confidence())
                .setUpdatedAt(at(day))
                .build();
    }

    private static ScanSummary scanOf(Entry e, LocalDate day, String status, String reason) {
        boolean completed = "COMPLETED".equals(status);
        return ScanSummary.newBuilder()
                .setScanId("scan-" + day).setStatus(status).setReason(reason)
                .setStartedAt(at(day).minus(6, ChronoUnit.HOURS)).setCompletedAt(at(day).minus(completed ? 5 : 6, ChronoUnit.HOURS).plusSeconds(completed ? 0 : 30))
                .setPages(completed ? 40 + Math.floorMod(e.nis().hashCode(), 160) : 0).build();
    }

    private static SignalState state(List<Span> spans, LocalDate day) {
        List<Span> seen = spans.stream().filter(s -> !s.from().isAfter(day))
                .sorted(Comparator.comparing(Span::from)).toList();
        if (seen.isEmpty()) {
            return SignalState.newBuilder().setPresent(false).build();
        }
        // overlapping spans of merged predecessors form one period of presence
        List<Period> periods = new ArrayList<>();
        LocalDate from = null;
        LocalDate until = null;
        boolean open = false;
        for (Span s : seen) {
            LocalDate end = s.until() == null || s.until().isAfter(day) ? null : s.until();
            if (from != null && (open || !s.from().isAfter(until))) {
                if (!open && (end == null || end.isAfter(until))) {
                    until = end;
                    open = end == null;
                }
                continue;
            }
            if (from != null) {
                periods.add(period(from, until));
            }
            from = s.from();
            until = end;
            open = end == null;
        }
        periods.add(open ? period(from, null) : period(from, until));
        List<Evidence> evidence = seen.stream()
                .sorted(Comparator.comparing(Span::from).reversed())
                .map(s -> Evidence.newBuilder().setUrl(s.url()).setSeenAt(at(s.from()))
                        .setSnippet(s.snippet()).setSource(s.source())
                        .setRule(s.rule()).setActor(s.actor()).setPhrases(s.phrases()).build())
                .toList();
        Period last = periods.get(periods.size() - 1);
        Instant lastSeen = last.getUntil() == null ? at(day).minus(6, ChronoUnit.HOURS) : last.getUntil().minus(7, ChronoUnit.DAYS);
        if (lastSeen.isBefore(periods.get(0).getFrom())) {
            lastSeen = periods.get(0).getFrom();
        }
        return SignalState.newBuilder()
                .setPresent(last.getUntil() == null)
                .setFirstSeen(periods.get(0).getFrom())
                .setLastSeen(lastSeen)
                .setLostAt(last.getUntil())
                .setPeriods(periods)
                .setEvidence(evidence)
                .build();
    }

    private static Period period(LocalDate from, LocalDate until) {
        return Period.newBuilder().setFrom(at(from)).setUntil(until == null ? null : at(until)).build();
    }

    static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }

    private ScanProgress completeScan() {
        List<ScanProgress.MunicipalityScan> per = new ArrayList<>();
        int pages = 0;
        int failed = 0;
        for (Entry e : register2025.values()) {
            boolean fails = unreachable(e);
            int p = fails ? 0 : 40 + Math.floorMod(e.nis().hashCode(), 160);
            pages += p;
            failed += fails ? 1 : 0;
            per.add(new ScanProgress.MunicipalityScan(e.nis(), e.name(), "https://" + e.website(), fails ? "FAILED" : "COMPLETED",
                    fails ? "UNREACHABLE" : null, fails ? "start page https://" + e.website() + "/: connect timed out" : null, p));
        }
        return new ScanProgress("scan-" + today, ScanProgress.Status.COMPLETE, at(today).minus(10, ChronoUnit.HOURS),
                at(today).minus(2, ChronoUnit.HOURS), per.size(), per.size(), failed, 0, pages,
                failed == 0 ? Map.of() : Map.of("UNREACHABLE", failed), per);
    }

    /** The issues of 2020 and 2021 are the bundled ones, reconstructed; the one of 2023 was read from its web page. */
    private static NewsletterIssue issue(String id, LocalDate date, String title, String heading, boolean call) {
        NewsletterItem item = NewsletterItem.newBuilder().setHeading(heading).setText(heading)
                .setLinks(call ? List.of("https://www.seksueelgeweld.be") : List.of())
                .setCall(call).setCallSnippet(call ? "vermeld www.seksueelgeweld.be op je website" : null).build();
        boolean bundled = date.getYear() < 2022;
        return NewsletterIssue.newBuilder().setIssueId(id).setDate(date).setTitle(title)
                .setSource(bundled ? "bundled" : NIGHTLIFE_ISSUE_URL).setProvenance(bundled ? BUNDLED : null)
                .setContentHash("0".repeat(64)).setItems(List.of(item)).build();
    }

    // ---- register

    private static void read(String resource, String websites, Map<String, Entry> into) {
        Map<String, String> confidence = new HashMap<>();
        for (String[] row : rows(websites, 4)) {
            confidence.put(row[0], row[2]);
        }
        for (String[] row : rows(resource, -1)) {
            into.put(row[0], new Entry(row[0], row[1], row[2], Boolean.parseBoolean(row[3]), row.length > 4 ? row[4] : "",
                    confidence.get(row[0])));
        }
    }

    private static List<String[]> rows(String resource) {
        return rows(resource, -1);
    }

    private static List<String[]> rows(String resource, int limit) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SampleUptakeSource.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", limit)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScanProgress latestScanUnchecked() {
        return scan;
    }
}
