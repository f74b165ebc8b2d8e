package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Signal;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/** The stateful steps of {@link UptakeTopology}. */
final class Processors {
    private Processors() {}

    static String json(Object value) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Digest of the record's binary encoding: exact, and far cheaper than its text form. */
    static String digest(MunicipalityUptake record) {
        try {
            ByteBuffer bytes = record.toByteBuffer();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One input of the per-municipality state, whichever topic it came from. */
    static final class OwnInput {
        final Municipality municipality;
        final WebsitePage page;
        final WebsiteScan scan;
        final OwnState.ContributionChange change;

        private OwnInput(Municipality municipality, WebsitePage page, WebsiteScan scan, OwnState.ContributionChange change) {
            this.municipality = municipality;
            this.page = page;
            this.scan = scan;
            this.change = change;
        }

        static OwnInput of(Municipality m) {
            return new OwnInput(m, null, null, null);
        }

        static OwnInput of(WebsitePage p) {
            return new OwnInput(null, p, null, null);
        }

        static OwnInput of(WebsiteScan s) {
            return new OwnInput(null, null, s, null);
        }

        static OwnInput of(OwnState.ContributionChange c) {
            return new OwnInput(null, null, null, c);
        }

        boolean isEmpty() {
            return municipality == null && page == null && scan == null && change == null;
        }
    }

    /** Something a newsletter issue or session gave rise to, before it is split by kind. */
    static final class Derived {
        final OwnState.ContributionChange change;
        final SourceDigest.CallInfo call;
        final boolean callRemoved;
        final Signal signal;

        private Derived(OwnState.ContributionChange change, SourceDigest.CallInfo call, boolean callRemoved, Signal signal) {
            this.change = change;
            this.call = call;
            this.callRemoved = callRemoved;
            this.signal = signal;
        }

        boolean isCall() {
            return call != null || callRemoved;
        }
    }

    /**
     * Compares a newsletter issue or session with what the same id contributed before and emits
     * only the differences: an identical re-delivery emits nothing, an edited one replaces exactly
     * the features and calls that changed, a removed feature is retracted.
     */
    static final class SourceIndexProcessor<V> implements Processor<String, V, String, Derived> {
        private final String storeName;
        private final Function<V, SourceDigest> digester;
        private ProcessorContext<String, Derived> context;
        private KeyValueStore<String, SourceDigest> store;

        SourceIndexProcessor(String storeName, Function<V, SourceDigest> digester) {
            this.storeName = storeName;
            this.digester = digester;
        }

        @Override
        public void init(ProcessorContext<String, Derived> context) {
            this.context = context;
            this.store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.key() == null) {
                return;
            }
            SourceDigest before = Objects.requireNonNullElseGet(store.get(record.key()), SourceDigest::new);
            SourceDigest now = digester.apply(record.value());
            if (json(before).equals(json(now))) {
                return;
            }
            TreeSet<String> nisCodes = new TreeSet<>(before.contributions.keySet());
            nisCodes.addAll(now.contributions.keySet());
            for (String nis : nisCodes) {
                OwnState.Contribution was = before.contributions.get(nis);
                OwnState.Contribution is = now.contributions.get(nis);
                if (was != null && is != null && json(was).equals(json(is))) {
                    continue;
                }
                OwnState.Contribution any = is != null ? is : was;
                forward(record, nis, new Derived(new OwnState.ContributionChange(any.kind, any.sourceId, is), null, false, null));
                if (is != null) {
                    for (Signal s : SourceDigest.signals(nis, is)) {
                        forward(record, nis, new Derived(null, null, false, s));
                    }
                }
            }
            TreeSet<String> callIds = new TreeSet<>(before.calls.keySet());
            callIds.addAll(now.calls.keySet());
            for (String callId : callIds) {
                SourceDigest.CallInfo was = before.calls.get(callId);
                SourceDigest.CallInfo is = now.calls.get(callId);
                if (was != null && is != null && json(was).equals(json(is))) {
                    continue;
                }
                forward(record, callId, new Derived(null, is, is == null, null));
                if (is != null) {
                    forward(record, is.issueId, new Derived(null, null, false, SourceDigest.signal(is)));
                }
            }
            if (now.contributions.isEmpty() && now.calls.isEmpty()) {
                store.delete(record.key());
            } else {
                store.put(record.key(), now);
            }
        }

        private void forward(Record<String, V> in, String key, Derived value) {
            context.forward(new Record<>(key, value, in.timestamp(), in.headers()));
        }
    }

    /** Own record and merger parts to the codes they count for: itself, and its successor if any. */
    static List<KeyValue<String, MunicipalityUptake>> targets(String nis, MunicipalityUptake own) {
        List<KeyValue<String, MunicipalityUptake>> out = new ArrayList<>(2);
        out.add(KeyValue.pair(nis, own));
        if (own.getSuccessor() != null && !own.getSuccessor().equals(nis)) {
            out.add(KeyValue.pair(own.getSuccessor(), own));
        }
        return out;
    }

    /** The published record of a municipality: its own record joined with those merged into it. */
    static final class UnionProcessor implements FixedKeyProcessor<String, MunicipalityUptake, Published> {
        private final UptakeTopology.Options options;
        private FixedKeyProcessorContext<String, Published> context;
        private KeyValueStore<String, MunicipalityUptake> store;

        UnionProcessor(UptakeTopology.Options options) {
            this.options = options;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Published> context) {
            this.context = context;
            this.store = context.getStateStore(UptakeTopology.PARTS_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, MunicipalityUptake> record) {
            MunicipalityUptake part = record.value();
            String target = record.key();
            if (target == null || part == null) {
                return;
            }
            store.put(target + "|" + part.getNisCode(), part);
            MunicipalityUptake own = store.get(target + "|" + target);
            if (own == null) {
                // the register has not yet named the target; it is published when it does
                return;
            }
            List<MunicipalityUptake> predecessors = new ArrayList<>();
            try (KeyValueIterator<String, MunicipalityUptake> it = store.prefixScan(target + "|", new StringSerializer())) {
                while (it.hasNext()) {
                    MunicipalityUptake p = it.next().value;
                    if (!p.getNisCode().equals(target)) {
                        predecessors.add(p);
                    }
                }
            }
            Published published = Published.of(own, predecessors, options.evidenceLimit());
            context.forward(record.withValue(published).withTimestamp(published.record.getUpdatedAt().toEpochMilli()));
        }
    }

    /** Puts every published record into the versioned store at its event time. */
    static final class HistoryWriter implements Processor<String, MunicipalityUptake, Void, Void> {
        private VersionedKeyValueStore<String, MunicipalityUptake> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.store = context.getStateStore(UptakeTopology.HISTORY_STORE);
        }

        @Override
        public void process(Record<String, MunicipalityUptake> record) {
            if (record.key() != null && record.value() != null) {
                store.put(record.key(), record.value(), record.value().getUpdatedAt().toEpochMilli());
            }
        }
    }
}
