package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.topology.UptakeStores;
import be.lokaalsignaal.topology.UptakeViews;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The views of the topology's stores across every instance of the application: a lookup by key
 * is answered by the instance that holds the key (found through Kafka Streams'
 * {@code application.server} metadata, forwarded over HTTP when it is another one); a listing
 * gathers the parts of every instance. Records travel between instances as Avro data files.
 *
 * <p>The stores hold each municipality's whole history, so a view as of a date is cut from the
 * latest record ({@link UptakeViews#asOf}): exact for any date, whatever the arrival order of the
 * facts.
 */
public final class StreamsUptakeSource implements UptakeSource, PeerEndpoints {
    static final String PEER_PREFIX = "/internal/peer";
    private static final String AVRO_FILE = "application/avro";

    private final HostInfo self;
    private final Clock clock;
    private final Duration timeout;
    private final Supplier<ScanProgress> scans;
    private final Supplier<List<NewsletterIssue>> issues;
    private final Supplier<List<LearningNetworkSession>> sessions;
    private final HttpClient http;
    private final PeerSecret peers;
    private volatile KafkaStreams streams;
    private volatile UptakeStores stores;
    private volatile Predicate<String> registered = nis -> false;

    /**
     * @param peers the secret the instances of this application share: peer requests carry it, and the
     *     peer endpoints answer only requests that do
     */
    public StreamsUptakeSource(HostInfo self, Clock clock, Duration timeout, Supplier<ScanProgress> scans,
                               Supplier<List<NewsletterIssue>> issues, Supplier<List<LearningNetworkSession>> sessions,
                               PeerSecret peers) {
        this.peers = peers;
        this.self = self;
        this.clock = clock;
        this.timeout = timeout;
        this.scans = scans;
        this.issues = issues;
        this.sessions = sessions;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Connects the source to the running topology; until then every view is unavailable. */
    public void attach(KafkaStreams streams, UptakeStores stores, Predicate<String> registered) {
        this.registered = registered;
        this.stores = stores;
        this.streams = streams;
    }

    @Override
    public List<MunicipalityUptake> municipalities(LocalDate asOf) throws StoreUnavailableException {
        LocalDate date = date(asOf);
        List<MunicipalityUptake> out = new ArrayList<>();
        for (MunicipalityUptake record : gather("uptake", MunicipalityUptake.class)) {
            if (UptakeViews.inForce(record, date)) {
                out.add(UptakeViews.asOf(record, date));
            }
        }
        return out;
    }

    @Override
    public Optional<MunicipalityUptake> municipality(String nisCode, LocalDate asOf) throws StoreUnavailableException {
        LocalDate date = date(asOf);
        UptakeStores local = running();
        // on the calling thread: the owner once, then the record from this instance or the owner
        UptakeStores.Located located = local.locate(nisCode);
        KeyQueryMetadata owner = located.owner();
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new StoreUnavailableException("the owner of " + nisCode + " is not known yet (rebalancing)");
        }
        Optional<MunicipalityUptake> record;
        if (owner.activeHost().equals(self)) {
            record = guarded(located::latest);
        } else {
            List<MunicipalityUptake> remote = fetch(owner.activeHost(), "uptake/" + nisCode, MunicipalityUptake.class);
            record = remote.stream().findFirst();
        }
        if (record.isEmpty() && registered.test(nisCode)) {
            // a code of the register that the topology has not reached yet is not unknown: answer 503, not 404
            throw new StoreUnavailableException("municipality " + nisCode + " is not processed yet");
        }
        return record.map(r -> view(r, date));
    }

    /**
     * Every code (313) on three dates at once; past that the views start over. A record and its view take some
     * tens of KB together, so this stays within a few tens of MB.
     */
    static final int MAX_VIEWS = 1024;

    private record ViewKey(String nisCode, LocalDate date) {
    }

    /*
     * The view of a record on a date, computed again only when the record changed: the same views are asked for
     * again and again, and computing one was a large share of what a lookup allocated (Flight Recorder).
     */
    private final Memo<ViewKey, MunicipalityUptake, MunicipalityUptake> views = new Memo<>(MAX_VIEWS);

    private MunicipalityUptake view(MunicipalityUptake latest, LocalDate date) {
        return views.get(new ViewKey(latest.getNisCode(), date), latest, r -> UptakeViews.asOf(r, date));
    }

    /** The NIS codes the latest store holds, across every instance: what health compares with the register. */
    public Set<String> storedCodes() throws StoreUnavailableException {
        Set<String> out = new TreeSet<>();
        for (MunicipalityUptake record : gather("uptake", MunicipalityUptake.class)) {
            out.add(record.getNisCode());
        }
        return out;
    }

    @Override
    public List<CallUptake> calls() throws StoreUnavailableException {
        return gather("calls", CallUptake.class);
    }

    @Override
    public List<NewsletterIssue> newsletterIssues() throws StoreUnavailableException {
        running();
        return issues.get();
    }

    @Override
    public List<LearningNetworkSession> sessions() throws StoreUnavailableException {
        running();
        return sessions.get();
    }

    @Override
    public ScanProgress latestScan() {
        return scans.get();
    }

    @Override
    public void register(Javalin app) {
        app.before(PEER_PREFIX + "/*", ctx -> {
            if (!peers.accepts(ctx.header(PeerSecret.HEADER))) {
                throw ApiException.forbidden("the peer endpoints answer only instances of this application (see " + PeerSecret.FILE
                        + " in the data directory)");
            }
        });
        app.get(PEER_PREFIX + "/uptake", ctx -> answer(ctx, guarded(() -> running().all())));
        app.get(PEER_PREFIX + "/uptake/{nis}", ctx -> answer(ctx, guarded(() -> running().latest(ctx.pathParam("nis")).stream().toList())));
        app.get(PEER_PREFIX + "/calls", ctx -> answer(ctx, guarded(() -> running().calls())));
    }

    private interface StoreCall<T> {
        T call() throws StoreUnavailableException;
    }

    /** A store that does not answer in time, or moves away during the query, is unavailable for now. */
    private static <T> T guarded(StoreCall<T> call) throws StoreUnavailableException {
        try {
            return call.call();
        } catch (UptakeStores.QueryTimeoutException | InvalidStateStoreException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }

    private LocalDate date(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    private UptakeStores running() throws StoreUnavailableException {
        KafkaStreams s = streams;
        if (s == null || stores == null) {
            throw new StoreUnavailableException("the topology is starting");
        }
        KafkaStreams.State state = s.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new StoreUnavailableException("the topology is " + state.name().toLowerCase());
        }
        return stores;
    }

    /** The local part of a store plus the parts of every other instance. */
    private <T extends SpecificRecord> List<T> gather(String what, Class<T> type) throws StoreUnavailableException {
        UptakeStores local = running();
        List<T> out = new ArrayList<>();
        Collection<StreamsMetadata> instances = streams.metadataForAllStreamsClients();
        boolean selfSeen = false;
        for (StreamsMetadata instance : instances) {
            if (instance.hostInfo().equals(self)) {
                selfSeen = true;
                out.addAll(guarded(() -> localPart(local, what, type)));
            } else {
                out.addAll(fetch(instance.hostInfo(), what, type));
            }
        }
        if (!selfSeen) {
            out.addAll(guarded(() -> localPart(local, what, type)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> localPart(UptakeStores local, String what, Class<T> type) {
        return (List<T>) (what.equals("calls") ? local.calls() : local.all());
    }

    private <T extends SpecificRecord> List<T> fetch(HostInfo host, String path, Class<T> type) throws StoreUnavailableException {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + PEER_PREFIX + "/" + path);
        try {
            HttpResponse<byte[]> response = http.send(peers.sign(HttpRequest.newBuilder(uri)).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 503) {
                throw new StoreUnavailableException("instance " + host + " is not ready");
            }
            if (response.statusCode() != 200) {
                throw new StoreUnavailableException("instance " + host + " answered HTTP " + response.statusCode());
            }
            return read(response.body(), type);
        } catch (IOException e) {
            throw new StoreUnavailableException("instance " + host + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while asking " + host, e);
        }
    }

    private static <T extends SpecificRecord> void answer(Context ctx, List<T> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!records.isEmpty()) {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) records.get(0).getClass();
            try (DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<>(type))) {
                writer.create(records.get(0).getSchema(), out);
                for (T record : records) {
                    writer.append(record);
                }
            }
        }
        ctx.contentType(AVRO_FILE).result(out.toByteArray());
    }

    private static <T extends SpecificRecord> List<T> read(byte[] body, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        if (body.length == 0) {
            return out;
        }
        try (DataFileStream<T> stream = new DataFileStream<>(new ByteArrayInputStream(body), new SpecificDatumReader<>(type))) {
            stream.forEach(out::add);
        }
        return out;
    }
}
