package be.lokaalsignaal.topology;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the pages of one scan of one municipality add up to so far: how many distinct pages arrived,
 * which ones, when the latest was fetched and which website kinds they showed. Every page updates
 * it, so it stays a few dozen bytes whatever the size of the site: the pages themselves, and what
 * they showed in detail ({@link ScanSightings}), are kept elsewhere.
 *
 * <p>A page is known by its number (1..pagesFetched, set by the crawler): a bit in
 * {@link #numbers}. A page without a number is known by its URL, one key per page in the
 * scan-pages store, and counted in {@link #byUrl}.
 */
final class ScanTally {
    /** Highest page number kept in the bitset; a page numbered beyond it is known by its URL. */
    static final int MAX_NUMBER = 1 << 20;

    /** Bit n (of byte n / 8) is set once page n arrived; null while no numbered page did. */
    byte[] numbers;
    /** Numbered pages counted (bits set). */
    int numbered;
    /** Pages without a usable number, counted once per URL. */
    int byUrl;
    /**
     * Pages an earlier version of the topology counted in the own state before this tally existed
     * (known by URL): the pages of such a scan are all counted by URL.
     */
    int before;
    /** Latest fetch time of any of its pages (epoch ms); 0 before the first page. */
    long latest;
    /** Pages the COMPLETED record reported; -1 until it arrived. */
    int expected = -1;
    /** Website kinds its pages showed, sorted; null while none did. */
    List<String> kinds;

    /** Counts page {@code n}; false when it was counted before (a re-delivered page). */
    boolean number(int n) {
        int index = n >>> 3;
        if (numbers == null || numbers.length <= index) {
            numbers = numbers == null ? new byte[Math.max(index + 1, 64)] : Arrays.copyOf(numbers, Math.max(index + 1, numbers.length * 2));
        }
        int bit = 1 << (n & 7);
        if ((numbers[index] & bit) != 0) {
            return false;
        }
        numbers[index] |= (byte) bit;
        numbered++;
        return true;
    }

    /** Whether page numbers can tell this scan's pages apart (they cannot when an earlier version counted by URL). */
    boolean usesNumbers(Integer n) {
        return n != null && n >= 1 && n <= MAX_NUMBER && before == 0;
    }

    void sawKind(String kind) {
        if (kinds == null) {
            kinds = new ArrayList<>(2);
        }
        int at = java.util.Collections.binarySearch(kinds, kind);
        if (at < 0) {
            kinds.add(-at - 1, kind);
        }
    }

    /**
     * Pages that count towards the reported total: numbered pages 1..expected (a number beyond
     * what COMPLETED reported belongs to no page of that total), pages known by URL, and those an
     * earlier version counted.
     */
    int counted() {
        int beyond = 0;
        if (expected >= 0 && numbers != null) {
            int first = expected + 1;
            for (int i = first >>> 3; i < numbers.length; i++) {
                int bits = numbers[i] & 0xff;
                if (i == first >>> 3) {
                    bits &= 0xff << (first & 7);
                }
                beyond += Integer.bitCount(bits & 0xff);
            }
        }
        return numbered - beyond + byUrl + before;
    }

    /** COMPLETED has arrived and every page it reported with it. */
    boolean whole() {
        return expected >= 0 && counted() >= expected;
    }
    /**
     * The tally is written for every page, so it has a compact binary form instead of the JSON of
     * the other internal state: through Jackson its encoding cost a fifth of a page's processing.
     * Version byte 1, then numbered, byUrl, before (int), latest (long), expected (int), the kinds
     * (count, then each as its length and ASCII bytes), the bitset (length, -1 for none, then its bytes).
     */
    static final class Codec implements Serde<ScanTally> {
        private static final byte VERSION = 1;

        @Override
        public Serializer<ScanTally> serializer() {
            return (topic, t) -> t == null ? null : write(t);
        }

        @Override
        public Deserializer<ScanTally> deserializer() {
            return (topic, bytes) -> bytes == null ? null : read(bytes, topic);
        }

        static byte[] write(ScanTally t) {
            int size = 1 + 4 * 4 + 8 + 1 + 4 + (t.numbers == null ? 0 : t.numbers.length);
            if (t.kinds != null) {
                for (String k : t.kinds) {
                    size += 2 + k.length();
                }
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            out.put(VERSION).putInt(t.numbered).putInt(t.byUrl).putInt(t.before).putLong(t.latest).putInt(t.expected);
            out.put((byte) (t.kinds == null ? 0 : t.kinds.size()));
            if (t.kinds != null) {
                for (String k : t.kinds) {
                    // kind names are ASCII
                    out.putShort((short) k.length()).put(k.getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.putInt(t.numbers == null ? -1 : t.numbers.length);
            if (t.numbers != null) {
                out.put(t.numbers);
            }
            return out.array();
        }

        static ScanTally read(byte[] bytes, String topic) {
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                byte version = in.get();
                if (version != VERSION) {
                    throw new SerializationException("unknown scan tally version " + version + " in " + topic);
                }
                ScanTally t = new ScanTally();
                t.numbered = in.getInt();
                t.byUrl = in.getInt();
                t.before = in.getInt();
                t.latest = in.getLong();
                t.expected = in.getInt();
                int kinds = in.get();
                if (kinds > 0) {
                    t.kinds = new ArrayList<>(kinds);
                    for (int i = 0; i < kinds; i++) {
                        byte[] name = new byte[in.getShort()];
                        in.get(name);
                        t.kinds.add(new String(name, StandardCharsets.US_ASCII));
                    }
                }
                int length = in.getInt();
                if (length >= 0) {
                    t.numbers = new byte[length];
                    in.get(t.numbers);
                }
                return t;
            } catch (BufferUnderflowException | NegativeArraySizeException e) {
                throw new SerializationException("a scan tally in " + topic + " is cut short or corrupt", e);
            }
        }
    }
}
