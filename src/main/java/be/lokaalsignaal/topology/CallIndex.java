package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.CallUptake;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * NIS code to first appearance of SITE_LINK or SITE_MENTION, for every municipality that has one: a
 * single-key aggregate (a few hundred entries), so that any call can be attributed against all
 * municipalities. It is fed by {@link Feed} only with what attribution reads, so it changes, and
 * every call is attributed again, only when an attribution can change.
 */
final class CallIndex {
    static final String KEY = "ALL";

    Map<String, Entry> entries = new TreeMap<>();

    static final class Entry {
        String nisCode;
        Integer validFrom;
        Integer validUntil;
        /** Day of the merger that brought predecessors in; null when none did. */
        Integer mergeDate;
        /** First appearance in the municipality's own facts (epoch ms). */
        Long ownFirst;
        /** First appearance in the published record, predecessors included (epoch ms). */
        Long first;
        /** {@code updatedAt} of the published record that last changed any of the fields above. */
        long updatedAt;

        boolean inForce(long day) {
            return (validFrom == null || validFrom <= day) && (validUntil == null || day <= validUntil);
        }

        /** Whether attribution reads the same from both: all but {@code updatedAt}. */
        boolean attributesAs(Entry other) {
            return Objects.equals(validFrom, other.validFrom) && Objects.equals(validUntil, other.validUntil)
                    && Objects.equals(mergeDate, other.mergeDate) && Objects.equals(ownFirst, other.ownFirst)
                    && Objects.equals(first, other.first);
        }

        boolean hasAppearance() {
            return first != null || ownFirst != null;
        }
    }

    /**
     * Passes a municipality's entry on to the index only when what attribution reads changed: a
     * published record that leaves its first appearance and validity as they were (a later scan,
     * a loss, new evidence) leaves the index and every call as they are. A municipality enters the
     * index with its first appearance.
     */
    static final class Feed implements FixedKeyProcessor<String, Published, Entry> {
        private FixedKeyProcessorContext<String, Entry> context;
        private KeyValueStore<String, Entry> store;

        @Override
        public void init(FixedKeyProcessorContext<String, Entry> context) {
            this.context = context;
            this.store = context.getStateStore(UptakeTopology.CALL_ENTRY_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, Published> record) {
            if (record.key() == null || record.value() == null) {
                return;
            }
            Entry entry = record.value().entry;
            Entry before = store.get(record.key());
            if (before == null ? !entry.hasAppearance() : before.attributesAs(entry)) {
                return;
            }
            store.put(record.key(), entry);
            context.forward(record.withValue(entry));
        }
    }

    CallIndex put(Entry e) {
        entries.put(e.nisCode, e);
        return this;
    }

    /**
     * Counts, among the municipalities in force on the call date, where each first gained SITE_LINK
     * or SITE_MENTION, in calendar days (UTC) from the call date to the day of first appearance:
     * before (&lt; 0), 0–30, 31–90, 91–365, later (&gt; 365). Municipalities that never had it are
     * not counted. Before the merger date a municipality that later absorbed others is judged on
     * its own facts only. {@code updatedAt} is the latest of the call date and, over the
     * municipalities counted, the {@code updatedAt} of the record that last changed what they
     * count for (first appearance, validity).
     */
    static CallUptake attribute(SourceDigest.CallInfo call, CallIndex index) {
        int before = 0;
        int within30 = 0;
        int within90 = 0;
        int within365 = 0;
        int later = 0;
        long updatedAt = UptakeMath.startOf(LocalDate.ofEpochDay(call.date)).toEpochMilli();
        if (index != null) {
            for (Entry e : index.entries.values()) {
                if (!e.inForce(call.date)) {
                    continue;
                }
                Long first = e.mergeDate != null && call.date < e.mergeDate ? e.ownFirst : e.first;
                if (first == null) {
                    continue;
                }
                updatedAt = Math.max(updatedAt, e.updatedAt);
                long days = UptakeMath.dateOf(Instant.ofEpochMilli(first)).toEpochDay() - call.date;
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
        }
        return new CallUptake(call.callId, call.issueId, LocalDate.ofEpochDay(call.date), call.title,
                before, within30, within90, within365, later, Instant.ofEpochMilli(updatedAt));
    }
}
