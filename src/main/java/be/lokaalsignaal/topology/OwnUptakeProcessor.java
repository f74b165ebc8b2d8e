package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.topics.SignalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the own state of a municipality and the tallies of its pending scans, and publishes its
 * own record when it changes.
 *
 * <p>A page updates only the tally of its (municipality, scan), and the sightings of that scan
 * when it shows a website kind. The own state is read, rebuilt and compared with what was last
 * published only on a lifecycle record of a scan, a register record, a newsletter or
 * learning-network contribution, a page that makes its scan whole, and a page that shows a kind
 * for the first time in the municipality (never seen before, or seen only later): that first
 * appearance is published at once. Every other sighting (a kind found again after a loss, a
 * present kind seen again) is published with the next rebuild, at the latest when its scan ends.
 */
final class OwnUptakeProcessor implements FixedKeyProcessor<String, Processors.OwnInput, MunicipalityUptake> {
    private static final byte[] SEEN = new byte[0];

    private final UptakeTopology.Options options;
    private FixedKeyProcessorContext<String, MunicipalityUptake> context;
    private KeyValueStore<String, OwnState> stateStore;
    private KeyValueStore<String, ScanTally> tallyStore;
    private KeyValueStore<String, ScanSightings> sightingStore;
    private KeyValueStore<String, byte[]> pageStore;
    /*
     * What this task last wrote, parsed: the record cache holds bytes, and parsing the state or a
     * tally again for every page would cost more than the rest of the page's work. The stores stay
     * the truth: every change is still put; the maps are emptied whenever the task is initialized
     * (after a restore, a rebalance, an aborted transaction), and a municipality's entries are
     * dropped when processing one of its records fails half-way.
     */
    private final Map<String, OwnState> states = new HashMap<>();
    private final Map<String, ScanTally> tallies = new HashMap<>();
    private final Map<String, ScanSightings> sightings = new HashMap<>();

    OwnUptakeProcessor(UptakeTopology.Options options) {
        this.options = options;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MunicipalityUptake> context) {
        this.context = context;
        this.stateStore = context.getStateStore(UptakeTopology.OWN_STATE_STORE);
        this.tallyStore = context.getStateStore(UptakeTopology.SCAN_TALLY_STORE);
        this.sightingStore = context.getStateStore(UptakeTopology.SCAN_SIGHTINGS_STORE);
        this.pageStore = context.getStateStore(UptakeTopology.SCAN_PAGES_STORE);
        states.clear();
        tallies.clear();
        sightings.clear();
    }

    @Override
    public void process(FixedKeyRecord<String, Processors.OwnInput> record) {
        Processors.OwnInput in = record.value();
        String nis = record.key();
        if (nis == null || in == null || in.isEmpty()) {
            return;
        }
        try {
            if (in.page != null) {
                page(record, nis, in.page);
            } else if (in.scan != null) {
                scan(record, nis, in.scan);
            } else if (in.municipality != null) {
                rebuild(record, nis, null, s -> s.apply(in.municipality));
            } else {
                rebuild(record, nis, null, s -> s.apply(in.change));
            }
        } catch (RuntimeException e) {
            forgetParsed(nis);
            throw e;
        }
    }

    /** Tallies the page; rebuilds the own state only when the page makes its scan whole or shows a kind for the first time. */
    private void page(FixedKeyRecord<String, Processors.OwnInput> record, String nis, WebsitePage page) {
        String scanId = page.getScanId();
        String key = scanKey(nis, scanId);
        ScanTally tally = tally(key);
        OwnState state = null;
        boolean rebuild = false;
        if (tally == null) {
            // the first page of a scan: the own state learns that the scan is pending, once
            state = state(nis);
            tally = newTally(state, scanId);
            state.pending(scanId);
            if (state.scans.size() > options.pendingScanLimit()) {
                // the oldest pending scan is forgotten: its sightings are folded in first
                rebuild = true;
            } else {
                putState(nis, state);
            }
        }
        boolean counted = tally.usesNumbers(page.getPageNumber())
                ? tally.number(page.getPageNumber())
                : countByUrl(nis, scanId, tally, page);
        long at = page.getFetchedAt().toEpochMilli();
        tally.latest = Math.max(tally.latest, at);
        ScanSightings seen = null;
        for (RuleMatch match : page.getMatches()) {
            SignalKind kind = OwnState.websiteKind(match.getKind());
            if (kind == null) {
                continue;
            }
            if (seen == null) {
                seen = sightings(key);
            }
            String url = page.getFinalUrl() == null ? page.getUrl() : page.getFinalUrl();
            seen.add(kind.name(), KeptEvidence.website(url, at, match, page.getContentHash()), options.evidenceLimit());
            tally.sawKind(kind.name());
            if (!rebuild) {
                if (state == null) {
                    state = state(nis);
                }
                rebuild = state.firstAppearance(kind.name(), at);
            }
        }
        if (seen != null) {
            sightingStore.put(key, seen);
        }
        putTally(key, tally);
        if (rebuild || counted && tally.whole()) {
            rebuild(record, nis, state, s -> { });
        }
    }

    private void scan(FixedKeyRecord<String, Processors.OwnInput> record, String nis, WebsiteScan scan) {
        OwnState state = state(nis);
        if (OwnState.COMPLETED.equals(scan.getStatus())) {
            // the tally learns how many pages make the scan whole, so that the page that completes it can tell
            String key = scanKey(nis, scan.getScanId());
            ScanTally tally = tally(key);
            if (tally == null) {
                tally = newTally(state, scan.getScanId());
            }
            tally.expected = scan.getPagesFetched();
            putTally(key, tally);
        }
        rebuild(record, nis, state, s -> s.apply(scan));
    }

    /**
     * Folds every pending scan's tally into the state, applies the change, judges the scans that
     * are whole and forgets those beyond the limit, then publishes the own record if it changed.
     */
    private void rebuild(FixedKeyRecord<String, Processors.OwnInput> record, String nis, OwnState known, Consumer<OwnState> change) {
        OwnState state = known != null ? known : state(nis);
        state.dropped.clear();
        for (OwnState.ScanTrack scan : state.scans.values()) {
            String key = scanKey(nis, scan.scanId);
            ScanTally tally = tally(key);
            if (tally != null) {
                state.fold(scan, tally, tally.kinds == null ? null : sightings(key), options.evidenceLimit());
            }
        }
        change.accept(state);
        state.settle(options.pendingScanLimit());
        for (String scanId : state.dropped) {
            forgetScan(nis, scanId);
        }
        MunicipalityUptake own = state.toRecord(options.evidenceLimit());
        if (own != null) {
            // updatedAt moves with every fact; left out of the comparison, a change that alters
            // nothing else publishes nothing, so the downstream chain runs per change
            Instant at = own.getUpdatedAt();
            own.setUpdatedAt(Instant.EPOCH);
            String digest = Processors.digest(own);
            own.setUpdatedAt(at);
            if (!digest.equals(state.published)) {
                state.published = digest;
                putState(nis, state);
                context.forward(record.withValue(own).withTimestamp(own.getUpdatedAt().toEpochMilli()));
                return;
            }
        }
        putState(nis, state);
    }

    /** A tally for a scan that has none: one pending before the tallies existed starts from what the state counted. */
    private static ScanTally newTally(OwnState state, String scanId) {
        ScanTally tally = new ScanTally();
        tally.before = state.countedHere(scanId);
        OwnState.ScanTrack known = state.scans.get(scanId);
        if (known != null) {
            tally.expected = known.expected;
        }
        return tally;
    }

    /** A page without a usable number is known by a digest of its URL, one key per page of a pending scan. */
    private boolean countByUrl(String nis, String scanId, ScanTally tally, WebsitePage page) {
        String digest = OwnState.urlDigest(page.getUrl());
        if (tally.before > 0 && state(nis).countedBefore(scanId, digest)) {
            return false;
        }
        String key = pagePrefix(nis, scanId) + digest;
        if (pageStore.get(key) != null) {
            return false;
        }
        pageStore.put(key, SEEN);
        tally.byUrl++;
        return true;
    }

    /** A scan left the pending scans (judged, failed or forgotten): its tally, sightings and page URLs go with it. */
    private void forgetScan(String nis, String scanId) {
        String key = scanKey(nis, scanId);
        ScanTally tally = tally(key);
        if (tally != null) {
            tallyStore.delete(key);
            if (tally.kinds != null) {
                sightingStore.delete(key);
            }
        }
        tallies.remove(key);
        sightings.remove(key);
        if (tally == null || tally.byUrl > 0 || tally.before > 0) {
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = pageStore.prefixScan(pagePrefix(nis, scanId), new StringSerializer())) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            keys.forEach(pageStore::delete);
        }
    }

    private OwnState state(String nis) {
        OwnState state = states.get(nis);
        if (state == null) {
            state = Objects.requireNonNullElseGet(stateStore.get(nis), OwnState::new);
            states.put(nis, state);
        }
        return state;
    }

    private void putState(String nis, OwnState state) {
        stateStore.put(nis, state);
        states.put(nis, state);
    }

    private ScanTally tally(String key) {
        ScanTally tally = tallies.get(key);
        if (tally == null) {
            tally = tallyStore.get(key);
            if (tally != null) {
                tallies.put(key, tally);
            }
        }
        return tally;
    }

    private void putTally(String key, ScanTally tally) {
        tallyStore.put(key, tally);
        tallies.putIfAbsent(key, tally);
    }

    private ScanSightings sightings(String key) {
        ScanSightings s = sightings.get(key);
        if (s == null) {
            s = Objects.requireNonNullElseGet(sightingStore.get(key), ScanSightings::new);
            sightings.put(key, s);
        }
        return s;
    }

    private void forgetParsed(String nis) {
        states.remove(nis);
        String prefix = nis + '\u0000';
        tallies.keySet().removeIf(k -> k.startsWith(prefix));
        sightings.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Key of a scan's tally and sightings. */
    static String scanKey(String nis, String scanId) {
        return nis + '\u0000' + scanId;
    }

    /** Prefix of the keys of a pending scan's page URLs (pages without a number). */
    private static String pagePrefix(String nis, String scanId) {
        return nis + '\u0000' + scanId + '\u0000';
    }
}
