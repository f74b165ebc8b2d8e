package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.UptakeSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Queries on the stores of a running {@link UptakeTopology}, every one bounded by a timeout.
 *
 * <p>Each instance holds only its own partitions: a lookup by key answers from the key's partition
 * in local state and waits (up to the timeout) while that partition is not active here, so an
 * empty answer always means an unknown key; use {@link #locate(String)} to find the owner and
 * forward the request. Listing methods return the local part. The summary and the call index live
 * under single keys, so a listing of them on the owning instance is complete.
 *
 * <p>A point lookup of a municipality runs on the calling thread, bounded by the timeout: the
 * owner of the key is looked up once and the store of its partition read through a handle kept
 * per partition (the handle finds the partition's current store on every read, so it stays valid
 * across rebalances). The other queries run on a pool thread that is abandoned at the timeout.
 *
 * <p>Owners of municipality keys are remembered until the topology's state next changes (see
 * {@link #topologyStateChanged()}), and for at most {@link #OWNER_AGE}: Kafka Streams answers
 * {@code queryMetadataForKey} under one lock for all callers, and on two cores at 1,000 lookups per
 * second the request threads queued behind it for milliseconds (Flight Recorder: 364 waits of 2 ms
 * or more in 15 s). An owner changes only in a rebalance, and every rebalance moves the topology
 * through {@code REBALANCING}.
 *
 * <p>Record caching must stay on: in 4.3.1 an IQv2 key query on a RocksDB store without cache can
 * deadlock with the stream thread (KAFKA-19629).
 */
public final class UptakeStores implements AutoCloseable {
    private final KafkaStreams streams;
    private final Duration timeout;
    private final Map<Integer, ReadOnlyKeyValueStore<String, MunicipalityUptake>> latestByPartition = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "uptake-store-query");
        t.setDaemon(true);
        return t;
    });

    private static final org.apache.kafka.common.serialization.Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();
    /** How long a remembered owner is used at most, should a change of owner ever pass without a state change. */
    static final Duration OWNER_AGE = Duration.ofSeconds(5);

    private record Owner(KeyQueryMetadata metadata, long at) {}

    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
    /** Counts state changes, so that an owner looked up before a change is not remembered after it. */
    private final AtomicLong generation = new AtomicLong();

    public UptakeStores(KafkaStreams streams, Duration timeout) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A query did not answer within the timeout, or the store stayed unavailable (rebalance, restore). */
    public static final class QueryTimeoutException extends RuntimeException {
        public QueryTimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The latest published record of a municipality, read from the partition that holds its key.
     * While that partition is not active on this instance (restoring, moving in a rebalance, or
     * held by another instance) the query waits and ends with a {@link QueryTimeoutException}:
     * a store over the other local partitions would answer "unknown" for a key it does not hold.
     */
    public Optional<MunicipalityUptake> latest(String nisCode) {
        long deadline = deadline();
        return latest(nisCode, partitionOf(UptakeTopology.LATEST_STORE, nisCode, deadline), deadline);
    }

    /**
     * Where the latest record of a municipality lives: its owner, looked up once on the calling
     * thread, and (when that is this instance) the record itself through {@link Located#latest()}.
     */
    public Located locate(String nisCode) {
        return new Located(nisCode, owner(nisCode), deadline());
    }

    /**
     * Forgets every remembered owner: to be called from the topology's state listener on every
     * change of state (a rebalance, a restore, a shutdown), when owners may move.
     */
    public void topologyStateChanged() {
        generation.incrementAndGet();
        owners.clear();
    }

    private KeyQueryMetadata owner(String nisCode) {
        long now = System.nanoTime();
        Owner known = owners.get(nisCode);
        if (known != null && now - known.at() < OWNER_AGE.toNanos()) {
            return known.metadata();
        }
        long before = generation.get();
        KeyQueryMetadata metadata = metadata(UptakeTopology.LATEST_STORE, nisCode);
        boolean settled = metadata != null && !metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
                && streams.state() == KafkaStreams.State.RUNNING;
        if (settled) {
            owners.put(nisCode, new Owner(metadata, now));
            if (generation.get() != before) {
                // the state changed while we looked: what we found may already be old
                owners.remove(nisCode);
            }
        }
        return metadata;
    }

    /** A municipality's key with its owner, as found by {@link #locate(String)}; its lookups share one deadline. */
    public final class Located {
        private final String nisCode;
        private final KeyQueryMetadata owner;
        private final long deadline;

        private Located(String nisCode, KeyQueryMetadata owner, long deadline) {
            this.nisCode = nisCode;
            this.owner = owner;
            this.deadline = deadline;
        }

        /** The owner; {@link KeyQueryMetadata#NOT_AVAILABLE} while it is not known (starting, rebalancing). */
        public KeyQueryMetadata owner() {
            return owner;
        }

        /** The latest record from the key's partition in local state, on the calling thread (see {@link UptakeStores#latest(String)}). */
        public Optional<MunicipalityUptake> latest() {
            int partition = owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)
                    ? partitionOf(UptakeTopology.LATEST_STORE, nisCode, deadline) : owner.partition();
            return UptakeStores.this.latest(nisCode, partition, deadline);
        }
    }

    private Optional<MunicipalityUptake> latest(String nisCode, int partition, long deadline) {
        while (true) {
            ReadOnlyKeyValueStore<String, MunicipalityUptake> store = latestByPartition.get(partition);
            try {
                if (store == null) {
                    store = streams.store(StoreQueryParameters.fromNameAndType(UptakeTopology.LATEST_STORE,
                            QueryableStoreTypes.<String, MunicipalityUptake>keyValueStore()).withPartition(partition));
                    latestByPartition.put(partition, store);
                }
                return Optional.ofNullable(store.get(nisCode));
            } catch (InvalidStateStoreException e) {
                // restoring, or moving in a rebalance: wait for it, up to the deadline
                latestByPartition.remove(partition);
                pause("latest " + nisCode, deadline, e);
            }
        }
    }

    /** Every latest record held by this instance. */
    public List<MunicipalityUptake> all() {
        return bounded("all records", () -> values(keyValue(UptakeTopology.LATEST_STORE, MunicipalityUptake.class)));
    }

    /**
     * The version of a municipality's record that was current at {@code instant}, from the
     * versioned store (IQv2). This is the record as it was known then; for an exact view of a date
     * from today's knowledge use {@link UptakeViews#asOf} on {@link #latest(String)}.
     */
    public Optional<MunicipalityUptake> version(String nisCode, Instant instant) {
        return bounded("version " + nisCode + " as of " + instant, () -> {
            int partition = metadata(UptakeTopology.HISTORY_STORE, nisCode).partition();
            StateQueryRequest<VersionedRecord<MunicipalityUptake>> request = StateQueryRequest.inStore(UptakeTopology.HISTORY_STORE)
                    .withQuery(VersionedKeyQuery.<String, MunicipalityUptake>withKey(nisCode).asOf(instant))
                    .withPartitions(Set.of(partition));
            while (true) {
                StateQueryResult<VersionedRecord<MunicipalityUptake>> result = streams.query(request);
                QueryResult<VersionedRecord<MunicipalityUptake>> r = result.getPartitionResults().get(partition);
                if (r != null && r.isSuccess()) {
                    return Optional.ofNullable(r.getResult()).map(VersionedRecord::value);
                }
                if (r != null && r.getFailureReason() != null
                        && r.getFailureReason() != org.apache.kafka.streams.query.FailureReason.NOT_UP_TO_BOUND
                        && r.getFailureReason() != org.apache.kafka.streams.query.FailureReason.NOT_ACTIVE) {
                    throw new IllegalStateException(r.getFailureReason() + ": " + r.getFailureMessage());
                }
                if (r == null) {
                    // the partition is not held here
                    return Optional.empty();
                }
                Thread.sleep(50);
            }
        });
    }

    /** The exact view of a municipality on a date, from its latest record; empty when not in force then. */
    public Optional<MunicipalityUptake> asOf(String nisCode, java.time.LocalDate date) {
        return latest(nisCode).filter(r -> UptakeViews.inForce(r, date)).map(r -> UptakeViews.asOf(r, date));
    }

    public Optional<UptakeSummary> summary(String scope) {
        return bounded("summary " + scope, () -> Optional.ofNullable(keyValue(UptakeTopology.SUMMARY_STORE, UptakeSummary.class).get(scope)));
    }

    public List<UptakeSummary> summaries() {
        return bounded("summaries", () -> values(keyValue(UptakeTopology.SUMMARY_STORE, UptakeSummary.class)));
    }

    /** Attribution of one call, key {@code <issueId>#<itemIndex>}. */
    public Optional<CallUptake> call(String callId) {
        return bounded("call " + callId, () -> Optional.ofNullable(keyValue(UptakeTopology.CALL_UPTAKE_STORE, CallUptake.class).get(callId)));
    }

    public List<CallUptake> calls() {
        return bounded("calls", () -> values(keyValue(UptakeTopology.CALL_UPTAKE_STORE, CallUptake.class)));
    }

    /** Which instance holds a key of a store, for forwarding; {@link KeyQueryMetadata#NOT_AVAILABLE} while rebalancing. */
    public KeyQueryMetadata metadata(String store, String key) {
        try {
            return streams.queryMetadataForKey(store, key, KEY_SERIALIZER);
        } catch (IllegalStateException | InvalidStateStoreException e) {
            // not started yet (StreamsNotStartedException), or between states
            return KeyQueryMetadata.NOT_AVAILABLE;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Waits for the store while it is unavailable (rebalance, restore), up to the caller's deadline. */
    private <V> ReadOnlyKeyValueStore<String, V> keyValue(String store, Class<V> type) throws InterruptedException {
        while (true) {
            try {
                return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
            } catch (InvalidStateStoreException e) {
                Thread.sleep(50);
            }
        }
    }

    /** The partition of a key in a store; waits while the metadata is unknown (not started, rebalancing), up to the deadline. */
    private int partitionOf(String store, String key, long deadline) {
        while (true) {
            KeyQueryMetadata m = metadata(store, key);
            if (m != null && !m.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                return m.partition();
            }
            pause("metadata " + store + "/" + key, deadline, null);
        }
    }

    private long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    /** Waits a moment before the next attempt, or ends the query when its deadline has passed. */
    private void pause(String what, long deadline, RuntimeException cause) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new QueryTimeoutException(what + " did not answer within " + timeout, cause);
        }
        try {
            Thread.sleep(Math.max(1, Math.min(50, left / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException(what + " interrupted", e);
        }
    }

    private static <V> List<V> values(ReadOnlyKeyValueStore<String, V> store) {
        List<V> out = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                out.add(kv.value);
            }
        }
        return out;
    }

    private <T> T bounded(String what, Callable<T> query) {
        Future<T> future = executor.submit(query);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new QueryTimeoutException(what + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException(what + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(what + " failed", cause);
        }
    }
}
