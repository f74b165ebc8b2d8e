package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.CallUptake;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * NIS code to first appearance of SITE_LINK or SITE_MENTION, for every municipality: a single-key
 * aggregate (a few hundred entries), so that any call can be attributed against all municipalities.
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
        long updatedAt;

        boolean inForce(long day) {
            return (validFrom == null || validFrom <= day) && (validUntil == null || day <= validUntil);
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
     * its own facts only.
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
                updatedAt = Math.max(updatedAt, e.updatedAt);
                if (first == null) {
                    continue;
                }
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
