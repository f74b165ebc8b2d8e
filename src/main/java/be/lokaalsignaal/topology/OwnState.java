package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.ScanSummary;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the topology knows about one municipality under its own NIS code: register data, website
 * sightings and scans, and the newsletter and learning-network contributions keyed by their
 * source, so that a replaced issue or session replaces exactly its own contribution.
 */
final class OwnState {
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";
    static final String STARTED = "STARTED";

    Meta meta;
    Map<String, SiteTrack> site = new TreeMap<>();
    /** Scans not yet judged, by scan id. */
    Map<String, ScanTrack> scans = new TreeMap<>();
    ScanTrack lastScan;
    /** The earliest and the latest judged complete scan: from the first on, the municipality counts as scanned. */
    ScanTrack firstComplete;
    ScanTrack lastComplete;
    /** The latest judged complete scans: what they proved absent, for pages that arrive after them. */
    List<Proof> proofs = new ArrayList<>();
    /** Contributions by "kind:sourceId". */
    Map<String, Contribution> contributions = new TreeMap<>();
    /** Latest event time of any fact; only moves forward, so versions never go back in time. */
    Long updatedAt;
    /** Digest of the last record published, to publish nothing when nothing changed. */
    String published;
    /**
     * Scans dropped from {@code scans} by the last change (judged, failed or forgotten): their
     * page URLs, kept outside this state, must be forgotten with them. Never stored.
     */
    @JsonIgnore
    transient List<String> dropped = new ArrayList<>();

    static final class Meta {
        String nisCode;
        String name;
        String province;
        boolean centreCity;
        Integer validFrom;
        Integer validUntil;
        String successor;
        String website;
        String websiteConfidence;
        String websiteSource;

        static Meta of(Municipality m) {
            Meta meta = new Meta();
            meta.nisCode = m.getNisCode();
            meta.name = m.getName();
            meta.province = m.getProvince();
            meta.centreCity = m.getCentreCity();
            meta.validFrom = m.getValidFrom() == null ? null : (int) m.getValidFrom().toEpochDay();
            meta.validUntil = m.getValidUntil() == null ? null : (int) m.getValidUntil().toEpochDay();
            meta.successor = m.getSuccessor();
            meta.website = m.getWebsite();
            meta.websiteConfidence = m.getWebsiteConfidence();
            meta.websiteSource = m.getWebsiteSource();
            return meta;
        }
    }

    static final class Span {
        long from;
        Long until;

        Span() {}

        Span(long from, Long until) {
            this.from = from;
            this.until = until;
        }
    }

    /** Periods of presence of one website signal kind, oldest first. */
    static final class SiteTrack {
        List<Span> periods = new ArrayList<>();
        Long lastSeen;
        List<KeptEvidence> evidence = new ArrayList<>();
    }

    static final class ScanTrack {
        String scanId;
        String status;
        String reason;
        Long startedAt;
        Long completedAt;
        /** Pages the scan reported (COMPLETED); -1 until known. */
        int expected = -1;
        /**
         * Distinct pages counted: taken from the scan's tally whenever the state is rebuilt. States
         * written before the tallies counted here, page by page.
         */
        int seen;
        /**
         * Short digests of URLs seen, as states written before the URLs moved to their own store
         * hold them; read so that such a scan still counts a re-delivered page once, never added to.
         */
        Set<String> urls = new TreeSet<>();
        /** Website kinds its pages showed: what its proof of absence leaves out. */
        Set<String> kinds = new TreeSet<>();

        ScanSummary toAvro() {
            return new ScanSummary(scanId, status, reason, startedAt == null ? null : Instant.ofEpochMilli(startedAt),
                    completedAt == null ? null : Instant.ofEpochMilli(completedAt), Math.max(expected, 0));
        }
    }

    /** A whole, complete scan: every website kind not in {@code kinds} was absent from {@code start} to {@code at}. */
    static final class Proof {
        String scanId;
        long start;
        long at;
        Set<String> kinds = new TreeSet<>();
    }

    /** A newsletter feature or learning-network presentation of this municipality. */
    static final class Contribution {
        String kind;
        String sourceId;
        int date;
        String title;
        List<KeptEvidence> evidence = new ArrayList<>();

        String key() {
            return kind + ":" + sourceId;
        }
    }

    /** A change of one contribution, keyed by NIS: {@code contribution == null} removes it. */
    static final class ContributionChange {
        String kind;
        String sourceId;
        Contribution contribution;

        ContributionChange() {}

        ContributionChange(String kind, String sourceId, Contribution contribution) {
            this.kind = kind;
            this.sourceId = sourceId;
            this.contribution = contribution;
        }
    }

    void apply(Municipality m) {
        meta = Meta.of(m);
    }

    void apply(ContributionChange change) {
        String key = change.kind + ":" + change.sourceId;
        if (change.contribution == null) {
            contributions.remove(key);
        } else {
            contributions.put(key, change.contribution);
            advance(UptakeMath.startOf(LocalDate.ofEpochDay(change.contribution.date)).toEpochMilli());
        }
    }

    /** Short digest of a page URL: what identifies a page within its scan. */
    static String urlDigest(String url) {
        return Processors.digest(url).substring(0, 16);
    }

    /** Whether the scan is pending and its state already counted the URL (states from before the URL store). */
    boolean countedBefore(String scanId, String urlDigest) {
        ScanTrack scan = scans.get(scanId);
        return scan != null && scan.urls.contains(urlDigest);
    }

    /**
     * Pages an earlier version counted here for a pending scan that has no tally yet; its tally
     * starts from them (they are known by URL in the scan-pages store or in {@link ScanTrack#urls}).
     */
    int countedHere(String scanId) {
        ScanTrack scan = scans.get(scanId);
        return scan == null ? 0 : Math.max(scan.seen, scan.urls.size());
    }

    /** A scan whose pages are arriving: pending from its first page, whether or not STARTED arrived. */
    void pending(String scanId) {
        scans.computeIfAbsent(scanId, OwnState::newScan);
    }

    /**
     * Whether a sighting of the kind at {@code at} would be its first appearance in this
     * municipality: the kind was never seen, or only after {@code at}.
     */
    boolean firstAppearance(String kind, long at) {
        SiteTrack t = site.get(kind);
        return t == null || t.periods.isEmpty() || at < t.periods.get(0).from;
    }

    /**
     * Takes in what the pages of a pending scan added up to: its page count, the kinds it showed,
     * their first and last sighting and newest evidence. Folding the same tally again changes
     * nothing, so every rebuild folds every pending scan, and a sighting is always known before a
     * proof of absence is judged (a kind seen at or after a proving scan's start is not lost by it).
     * The sightings between a kind's first and last of one scan are taken to lie in the periods
     * that these and the newest evidence fall in.
     */
    void fold(ScanTrack scan, ScanTally tally, ScanSightings sightings, int evidenceLimit) {
        scan.seen = tally.counted();
        if (tally.kinds != null) {
            scan.kinds.addAll(tally.kinds);
        }
        if (sightings != null) {
            sightings.kinds.forEach((kind, k) -> {
                see(kind, k.first);
                see(kind, k.last);
                for (KeptEvidence ev : k.evidence) {
                    see(kind, ev.seenAt);
                    SiteTrack t = site.get(kind);
                    t.evidence = KeptEvidence.merge(t.evidence, ev, evidenceLimit);
                }
            });
        }
        if (tally.latest > 0) {
            advance(tally.latest);
        }
    }

    /** Judges every pending scan that is whole, then forgets the oldest beyond the limit. */
    void settle(int pendingScanLimit) {
        for (ScanTrack scan : new ArrayList<>(scans.values())) {
            judge(scan, pendingScanLimit);
        }
        prune(pendingScanLimit);
    }

    /** A lifecycle record; the caller folds the tallies first and settles afterwards. */
    void apply(WebsiteScan event) {
        boolean known = scans.containsKey(event.getScanId());
        ScanTrack scan = scans.computeIfAbsent(event.getScanId(), id -> newScan(id));
        scan.startedAt = event.getStartedAt().toEpochMilli();
        String status = event.getStatus();
        // a terminal status is never taken back by a late STARTED
        if (!(STARTED.equals(status) && (COMPLETED.equals(scan.status) || FAILED.equals(scan.status)))) {
            scan.status = status;
        }
        if (COMPLETED.equals(status) || FAILED.equals(status)) {
            scan.reason = event.getReason();
            scan.completedAt = event.getCompletedAt() == null ? null : event.getCompletedAt().toEpochMilli();
            scan.expected = event.getPagesFetched();
        }
        boolean sameScan = lastScan != null && lastScan.scanId.equals(scan.scanId);
        boolean lateStart = sameScan && STARTED.equals(status) && !STARTED.equals(lastScan.status);
        if (!lateStart && (lastScan == null || sameScan || lastScan.startedAt == null || scan.startedAt >= lastScan.startedAt)) {
            lastScan = copy(scan);
        }
        if (lateStart) {
            if (!known) {
                // a re-delivered STARTED of a scan already judged or failed: nothing to wait for
                drop(scan.scanId);
            }
            return;
        }
        advance(scan.completedAt != null ? scan.completedAt : scan.startedAt);
        if (FAILED.equals(scan.status)) {
            drop(scan.scanId);
        }
    }

    private void drop(String scanId) {
        scans.remove(scanId);
        dropped.add(scanId);
    }

    private static ScanTrack newScan(String id) {
        ScanTrack s = new ScanTrack();
        s.scanId = id;
        return s;
    }

    private static ScanTrack copy(ScanTrack s) {
        ScanTrack c = new ScanTrack();
        c.scanId = s.scanId;
        c.status = s.status;
        c.reason = s.reason;
        c.startedAt = s.startedAt;
        c.completedAt = s.completedAt;
        c.expected = s.expected;
        return c;
    }

    /** The website kind a rule match names; null for any other kind. */
    static SignalKind websiteKind(String name) {
        try {
            SignalKind kind = SignalKind.parse(name);
            return kind.fromWebsite() ? kind : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void advance(long eventTime) {
        updatedAt = updatedAt == null ? eventTime : Math.max(updatedAt, eventTime);
    }

    /** A page showed the kind at {@code at}: extend or open the period that holds it. */
    private void see(String kind, long at) {
        SiteTrack t = site.computeIfAbsent(kind, k -> new SiteTrack());
        t.lastSeen = t.lastSeen == null ? at : Math.max(t.lastSeen, at);
        place(kind, t.periods, at);
        // a page that arrives after a later complete scan proved the kind absent
        applyProofs(kind, t);
    }

    private void place(String kind, List<Span> ps, long at) {
        for (int i = 0; i < ps.size(); i++) {
            Span p = ps.get(i);
            if (at < p.from) {
                // a late page from before this period: the period started no later than that page,
                // unless a complete scan in between proved the kind absent
                Long proof = earliestProof(kind, at, p.from);
                if (proof != null) {
                    ps.add(i, new Span(at, Math.max(proof, at)));
                } else {
                    p.from = at;
                }
                return;
            }
            if (p.until == null || at <= p.until) {
                return;
            }
        }
        ps.add(new Span(at, null));
    }

    /** The earliest proof of absence of the kind by a scan started after {@code after} and ended before {@code before}. */
    private Long earliestProof(String kind, long after, long before) {
        Long earliest = null;
        for (Proof p : proofs) {
            if (!p.kinds.contains(kind) && p.start > after && p.at < before && (earliest == null || p.at < earliest)) {
                earliest = p.at;
            }
        }
        return earliest;
    }

    /**
     * Closes the latest period at the earliest proof of absence that came after all its
     * sightings. A proof cannot close a period when the kind was seen at or after the proving
     * scan's start (by a page of another, overlapping scan).
     */
    private void applyProofs(String kind, SiteTrack t) {
        if (t.periods.isEmpty() || t.lastSeen == null) {
            return;
        }
        Span last = t.periods.get(t.periods.size() - 1);
        for (Proof p : proofs) {
            if (p.kinds.contains(kind) || t.lastSeen >= p.start) {
                continue;
            }
            if (last.until == null || p.at < last.until) {
                last.until = Math.max(p.at, last.from);
            }
        }
    }

    /**
     * A completed scan is judged once every page it reported has been seen: each website kind it
     * found on none of its pages is proved absent at its completion. Judged in any order, the
     * result is that of judging in scan order: a loss is dated by the earliest complete scan that
     * proved it.
     */
    private void judge(ScanTrack scan, int limit) {
        if (!COMPLETED.equals(scan.status) || scan.expected < 0 || scan.seen < scan.expected) {
            return;
        }
        Proof proof = new Proof();
        proof.scanId = scan.scanId;
        proof.start = scan.startedAt == null ? Long.MAX_VALUE : scan.startedAt;
        proof.at = scan.completedAt != null ? scan.completedAt : proof.start;
        proof.kinds.addAll(scan.kinds);
        proofs.add(proof);
        ScanTrack judged = copy(scan);
        if (firstComplete == null || proof.at < completion(firstComplete)) {
            firstComplete = judged;
        }
        if (lastComplete == null || proof.at >= completion(lastComplete)) {
            lastComplete = judged;
        }
        proofs.sort(Comparator.comparingLong((Proof p) -> p.at));
        while (proofs.size() > limit) {
            proofs.remove(0);
        }
        site.forEach(this::applyProofs);
        drop(scan.scanId);
    }

    private static long completion(ScanTrack s) {
        return s.completedAt != null ? s.completedAt : s.startedAt != null ? s.startedAt : Long.MAX_VALUE;
    }

    private void prune(int limit) {
        while (scans.size() > limit) {
            String oldest = scans.values().stream()
                    .min(Comparator.comparing((ScanTrack s) -> s.startedAt == null ? Long.MIN_VALUE : s.startedAt))
                    .map(s -> s.scanId).orElseThrow();
            drop(oldest);
        }
    }

    /** The record of this municipality under its own code; null while the register has not named it. */
    MunicipalityUptake toRecord(int evidenceLimit) {
        if (meta == null) {
            return null;
        }
        Map<String, SignalState> signals = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            signals.put(kind.name(), kind.fromWebsite() ? siteState(site.get(kind.name())) : eventState(kind, evidenceLimit));
        }
        List<SourceRef> featuredIn = refs(SignalKind.NEWSLETTER_FEATURE);
        List<SourceRef> presentedAt = refs(SignalKind.LEARNING_NETWORK);
        long time = updatedAt != null ? updatedAt : defaultTime();
        return new MunicipalityUptake(meta.nisCode, meta.name, meta.province, meta.centreCity,
                meta.validFrom == null ? null : LocalDate.ofEpochDay(meta.validFrom),
                meta.validUntil == null ? null : LocalDate.ofEpochDay(meta.validUntil), meta.successor, signals,
                featuredIn, presentedAt, lastScan == null ? null : lastScan.toAvro(),
                firstComplete == null ? null : firstComplete.toAvro(), lastComplete == null ? null : lastComplete.toAvro(),
                meta.website, meta.websiteConfidence, meta.websiteSource, Instant.ofEpochMilli(time));
    }

    /** A record without any fact carries the start of the register, or the day the municipality began. */
    private long defaultTime() {
        LocalDate from = meta.validFrom == null ? LocalDate.of(2019, 1, 1) : LocalDate.ofEpochDay(meta.validFrom);
        return UptakeMath.startOf(from).toEpochMilli();
    }

    private static SignalState siteState(SiteTrack t) {
        if (t == null) {
            return UptakeMath.absent();
        }
        List<Period> periods = t.periods.stream()
                .map(p -> new Period(Instant.ofEpochMilli(p.from), p.until == null ? null : Instant.ofEpochMilli(p.until)))
                .toList();
        return UptakeMath.state(periods, t.lastSeen == null ? null : Instant.ofEpochMilli(t.lastSeen),
                t.evidence.stream().map(KeptEvidence::toAvro).toList());
    }

    /** Features and presentations are events that stay: present from the earliest one on. */
    private SignalState eventState(SignalKind kind, int evidenceLimit) {
        List<Contribution> cs = contributions.values().stream().filter(c -> c.kind.equals(kind.name())).toList();
        if (cs.isEmpty()) {
            return UptakeMath.absent();
        }
        int first = cs.stream().mapToInt(c -> c.date).min().orElseThrow();
        int last = cs.stream().mapToInt(c -> c.date).max().orElseThrow();
        List<Evidence> evidence = new ArrayList<>();
        cs.forEach(c -> c.evidence.forEach(e -> evidence.add(e.toAvro())));
        return UptakeMath.state(List.of(new Period(UptakeMath.startOf(LocalDate.ofEpochDay(first)), null)),
                UptakeMath.startOf(LocalDate.ofEpochDay(last)), UptakeMath.mergeEvidence(evidence, evidenceLimit));
    }

    private List<SourceRef> refs(SignalKind kind) {
        List<SourceRef> refs = new ArrayList<>();
        for (Contribution c : contributions.values()) {
            if (c.kind.equals(kind.name())) {
                refs.add(new SourceRef(c.sourceId, LocalDate.ofEpochDay(c.date), c.title));
            }
        }
        refs.sort(UptakeMath.BY_DATE);
        return refs;
    }
}
