package be.lokaalsignaal.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed from a source, kept per key and computed again only when the source asked with is no longer
 * equal to the one they were computed from (every field compared), so a changed record is never answered with an
 * old value. Bounded: past its number of entries it starts over.
 */
final class Memo<K, S, V> {
    private record Entry<S, V>(S source, V value) {
    }

    private final int maxEntries;
    private final Map<K, Entry<S, V>> entries = new ConcurrentHashMap<>();

    Memo(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    V get(K key, S source, Function<S, V> compute) {
        Entry<S, V> known = entries.get(key);
        if (known != null && known.source().equals(source)) {
            return known.value();
        }
        V value = compute.apply(source);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(source, value));
        return value;
    }
}
