package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.embedded.EmbeddedKafka;
import be.lokaalsignaal.embedded.EmbeddedRegistry;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.serde.AvroSerdeConfig;
import be.lokaalsignaal.topics.TopicSerdes;
import be.lokaalsignaal.topics.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Throughput of the uptake topology against a raw consume-produce pipe, on the embedded broker and
 * registry, over the same WebsitePage records. Not a test: run it by hand on an idle machine.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx4g ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=be.lokaalsignaal.topology.UptakeTopologyBenchmark [-Dbenchmark.pages=1000000]
 * </pre>
 *
 * <p>Both are reported with start-up (from subscribe or start until every page is done: group join,
 * store creation and the first fetches included) and in steady state (the last 80% of the pages:
 * from the moment the first 20% were consumed until the last was), with the CPU
 * time of the thread that does the work per page (the pipe's loop, the topology's stream
 * threads), in one run, beside the load average of the machine. Settings of the topology can be
 * changed for a comparison: {@code -Dbenchmark.commitMs=}, {@code -Dbenchmark.cacheMb=},
 * {@code -Dbenchmark.idleMs=}, {@code -Dbenchmark.threads=}.
 *
 * <p>The data: the bundled register (313 codes), then ten weekly rounds of scans in 2024: per round
 * a STARTED scan for every municipality in force (300; a made-up address where none is known), pages spread round-robin over
 * them as parallel crawlers would publish them (numbered per site as the crawler numbers them, 2%
 * with a rule match, a few kinds), then a
 * COMPLETED scan per municipality naming its page count, so every round is judged. The topology
 * is measured from its start until its consumer group has committed every input and internal
 * record (lag 0 everywhere); the pipe copies the pages' bytes unchanged to another topic with a
 * plain consumer and producer (no transactions, same lz4 compression as the topology's producer).
 */
public final class UptakeTopologyBenchmark {
    private static final int PARTITIONS = Topics.DEFAULT_PARTITIONS;
    private static final int ROUNDS = 10;
    private static final double MATCH_FRACTION = 0.02;
    private static final String PIPE_OUT = "benchmark-pipe-out";
    /** The first pages of a run, left out of the steady state: group join, store creation, JIT. */
    private static final int WARMUP_PERCENT = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * One measured run over {@code pages} page records: {@code seconds} and {@code cpuNanos} (of the
     * working threads) from the start, the same for the steady state over {@code steadyPages}.
     */
    record Run(long pages, double seconds, long cpuNanos, long steadyPages, double steadySeconds, long steadyCpuNanos) {
        double rate() {
            return pages / seconds;
        }

        double steadyRate() {
            return steadyPages / steadySeconds;
        }

        void print(String name) {
            System.out.printf("%-17s %-38s %-44s%n", name,
                    String.format("%,.0f/s (%.1f s), CPU %.1f µs/page", rate(), seconds, cpuNanos / 1e3 / pages),
                    String.format("%,.0f/s (%,d in %.2f s), CPU %.1f µs/page", steadyRate(), steadyPages, steadySeconds,
                            steadyCpuNanos / 1e3 / steadyPages));
        }
    }

    public static void main(String[] args) throws Exception {
        // a system property, not exec.args: that one would also reach the build's node execution
        int pages = Integer.getInteger("benchmark.pages", 1_000_000);
        Path dir = Files.createTempDirectory("uptake-benchmark-");
        CompletableFuture<EmbeddedRegistry> registryStart = CompletableFuture.supplyAsync(
                () -> EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), dir, 0));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0); EmbeddedRegistry registry = registryStart.join()) {
            String bootstrap = kafka.bootstrapServers();
            TopicSerdes serdes = new TopicSerdes(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                List<NewTopic> topics = new ArrayList<>(Topics.all(PARTITIONS, (short) 1));
                topics.add(new NewTopic(PIPE_OUT, PARTITIONS, (short) 1));
                admin.createTopics(topics).all().get();
                awaitLeaders(admin, topics);

                long produceStart = System.nanoTime();
                int written = produce(bootstrap, serdes, pages);
                System.out.printf("produced %,d website-pages records (plus register and scans) in %.1f s%n",
                        written, seconds(produceStart));

                String loadBeforePipe = loadAverage();
                Run pipe = pipe(bootstrap, written);
                String loadBeforeTopology = loadAverage();
                Run topology = topology(admin, bootstrap, serdes, dir.resolve("streams"));
                String loadAfter = loadAverage();

                System.out.printf("%n%,d website-pages records; load average (1, 5, 15 min) before the pipe %s, before the topology %s, after %s%n",
                        written, loadBeforePipe, loadBeforeTopology, loadAfter);
                System.out.printf("%-17s %-38s %-44s%n", "", "with start-up", "steady state (last " + (100 - WARMUP_PERCENT) + "% of pages)");
                pipe.print("raw pipe");
                topology.print("uptake topology");
                System.out.printf("%-17s %-38s %-44s%n", "ratio",
                        String.format("%.3f", topology.rate() / pipe.rate()), String.format("%.3f", topology.steadyRate() / pipe.steadyRate()));
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }

    private static int produce(String bootstrap, TopicSerdes serdes, int pageCount) throws Exception {
        List<Municipality> register = Register.bundled().all();
        Instant base = Instant.parse("2024-01-01T02:00:00Z");
        // as the scheduler does: the municipalities in force on the scan dates (all ten rounds fall in 2024)
        // (most have no known website in the bundled register; here every one gets a site, so pages spread over all)
        List<Municipality> withSite = Register.bundled().inForceOn(java.time.LocalDate.of(2024, 1, 1)).stream()
                .map(m -> m.getWebsite() != null ? m : Municipality.newBuilder(m)
                        .setWebsite("https://www." + m.getName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + ".be/").build())
                .toList();
        Random random = new Random(42);
        HexFormat hex = HexFormat.of();
        String[] kinds = {"SITE_LINK", "SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE"};
        var pageSerializer = serdes.value(Topics.WEBSITE_PAGES).serializer();
        var scanSerializer = serdes.value(Topics.WEBSITE_SCANS).serializer();
        var registerSerializer = serdes.value(Topics.MUNICIPALITIES).serializer();
        int perRound = pageCount / ROUNDS;
        int written = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            System.out.printf("%d municipalities in the register, %d in force in 2024 scanned%n", register.size(), withSite.size());
            for (Municipality m : register) {
                producer.send(new ProducerRecord<>(Topics.MUNICIPALITIES.topicName(), m.getNisCode(),
                        registerSerializer.serialize(Topics.MUNICIPALITIES.topicName(), m)));
            }
            for (int round = 0; round < ROUNDS; round++) {
                String scanId = "scan-round-" + round;
                Instant started = base.plus(Duration.ofDays(7L * round));
                for (Municipality m : withSite) {
                    WebsiteScan scan = WebsiteScan.newBuilder().setScanId(scanId).setNisCode(m.getNisCode()).setStatus("STARTED")
                            .setStartUrl(m.getWebsite()).setStartedAt(started).build();
                    producer.send(new ProducerRecord<>(Topics.WEBSITE_SCANS.topicName(), m.getNisCode(),
                            scanSerializer.serialize(Topics.WEBSITE_SCANS.topicName(), scan)));
                }
                Map<String, Integer> perSite = new HashMap<>();
                int inRound = round == ROUNDS - 1 ? pageCount - written : perRound;
                for (int i = 0; i < inRound; i++) {
                    Municipality m = withSite.get(i % withSite.size());
                    int n = perSite.merge(m.getNisCode(), 1, Integer::sum);
                    String url = m.getWebsite() + "nieuws/" + n;
                    List<RuleMatch> matches = random.nextDouble() < MATCH_FRACTION
                            ? List.of(RuleMatch.newBuilder().setKind(kinds[random.nextInt(kinds.length)])
                                    .setRule("rule-" + random.nextInt(20))
                                    .setSnippet("Slachtoffer van seksueel geweld? Surf naar www.seksueelgeweld.be of bel 1712.")
                                    .build())
                            : List.of();
                    byte[] hash = new byte[32];
                    random.nextBytes(hash);
                    WebsitePage page = WebsitePage.newBuilder().setScanId(scanId).setNisCode(m.getNisCode()).setUrl(url).setFinalUrl(url)
                            .setFetchedAt(started.plusMillis(i)).setHttpStatus(200).setContentType("text/html")
                            .setContentHash(hex.formatHex(hash)).setTitle("Nieuwsbericht " + n + " - " + m.getName())
                            .setWatchedLinks(matches.isEmpty() || !matches.get(0).getKind().equals("SITE_LINK")
                                    ? List.of() : List.of("https://www.seksueelgeweld.be/"))
                            .setMatches(matches).setPageNumber(n).build();
                    producer.send(new ProducerRecord<>(Topics.WEBSITE_PAGES.topicName(), m.getNisCode(),
                            pageSerializer.serialize(Topics.WEBSITE_PAGES.topicName(), page)));
                    written++;
                }
                Instant completed = started.plus(Duration.ofHours(2));
                for (Municipality m : withSite) {
                    WebsiteScan scan = WebsiteScan.newBuilder().setScanId(scanId).setNisCode(m.getNisCode()).setStatus("COMPLETED")
                            .setStartUrl(m.getWebsite()).setStartedAt(started).setCompletedAt(completed)
                            .setPagesFetched(perSite.getOrDefault(m.getNisCode(), 0)).build();
                    producer.send(new ProducerRecord<>(Topics.WEBSITE_SCANS.topicName(), m.getNisCode(),
                            scanSerializer.serialize(Topics.WEBSITE_SCANS.topicName(), scan)));
                }
            }
            producer.flush();
        }
        return written;
    }

    /** Copies every page record's bytes to another topic, from the first poll to the last flush. */
    private static Run pipe(String bootstrap, int expected) {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-pipe");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.LINGER_MS_CONFIG, 20,
                     ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                     ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(Topics.WEBSITE_PAGES.topicName()));
            long warm = (long) expected * WARMUP_PERCENT / 100;
            long copied = 0;
            long copiedAtWarm = -1;
            long warmAt = 0;
            long cpuAtWarm = 0;
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long begin = System.nanoTime();
            while (copied < expected) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    producer.send(new ProducerRecord<>(PIPE_OUT, r.key(), r.value()));
                    copied++;
                }
                if (copiedAtWarm < 0 && copied >= warm) {
                    copiedAtWarm = copied;
                    warmAt = System.nanoTime();
                    cpuAtWarm = THREADS.getCurrentThreadCpuTime();
                }
                consumer.commitAsync();
            }
            producer.flush();
            consumer.commitSync();
            long end = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            System.out.printf("raw pipe copied %,d records in %.1f s%n", copied, (end - begin) / 1e9);
            return new Run(copied, (end - begin) / 1e9, cpu - cpu0, copied - copiedAtWarm, (end - warmAt) / 1e9, cpu - cpuAtWarm);
        }
    }

    /**
     * Runs the topology until its group's committed offsets reach the end of every topic it reads.
     * With start-up: from start until the group had caught up (committed). Steady state: from the
     * moment its consumers had handed {@value #WARMUP_PERCENT}% of the pages to the stream threads
     * until they had handed over all, sampled every 20 ms from the client's metrics (the records
     * still buffered in the tasks at either end, at most 1,000 per partition, about cancel out).
     */
    private static Run topology(Admin admin, String bootstrap, TopicSerdes serdes, Path stateDir) throws Exception {
        String appId = "benchmark-uptake";
        Properties config = UptakeTopology.streamsConfig(appId, bootstrap, serdes.config(), stateDir, (short) 1);
        overrides(config);
        long pageRecords = endOffsets(admin, Topics.WEBSITE_PAGES.topicName()).values().stream().mapToLong(Long::longValue).sum();
        long warm = pageRecords * WARMUP_PERCENT / 100;
        try (KafkaStreams streams = new KafkaStreams(UptakeTopology.buildTopology(serdes, UptakeTopology.Options.defaults()), config)) {
            long begin = System.nanoTime();
            java.util.concurrent.atomic.AtomicLong runningAt = new java.util.concurrent.atomic.AtomicLong();
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    runningAt.compareAndSet(0, System.nanoTime());
                }
            });
            streams.start();
            Probe probe = new Probe(streams, Integer.parseInt(String.valueOf(config.getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1))));
            long lastReport = begin;
            long lastCheck = begin;
            long fetchedAtWarm = -1;
            long warmAt = 0;
            long cpuAtWarm = 0;
            long fetchedAllAt = 0;
            long cpuAtFetchedAll = 0;
            Map<TopicPartition, OffsetAndMetadata> quiet = null;
            long caughtUpAt = 0;
            long cpuAtCaughtUp = 0;
            while (true) {
                Thread.sleep(20);
                long now = System.nanoTime();
                long fetched = probe.pagesFetched();
                long cpu = probe.streamThreadCpu();
                if (fetchedAtWarm < 0 && fetched >= warm) {
                    fetchedAtWarm = fetched;
                    warmAt = now;
                    cpuAtWarm = cpu;
                }
                if (fetchedAllAt == 0 && fetched >= pageRecords) {
                    fetchedAllAt = now;
                    cpuAtFetchedAll = cpu;
                }
                if (now - lastCheck < 500_000_000L) {
                    continue;
                }
                lastCheck = now;
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = endOffsets(admin, committed.keySet());
                long pagesDone = committed.entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(Topics.WEBSITE_PAGES.topicName()) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                // a committed position may stop before the last transaction marker of an internal topic: at most 1 behind
                boolean caughtUp = pagesDone >= pageRecords && committed.entrySet().stream()
                        .allMatch(e -> e.getValue() != null && ends.get(e.getKey()) - e.getValue().offset() <= 1);
                if (!caughtUp) {
                    quiet = null;
                } else if (!committed.equals(quiet)) {
                    quiet = committed;
                    caughtUpAt = now;
                    cpuAtCaughtUp = cpu;
                } else if (now - caughtUpAt > 3_000_000_000L) {
                    // nothing moved for three seconds: the group had processed everything when it first caught up
                    double s = (caughtUpAt - begin) / 1e9;
                    System.out.printf("uptake topology processed %,d page records in %.1f s (%d partitions committed): "
                                    + "RUNNING after %.1f s, %d%% of the pages fetched after %.1f s, all after %.1f s (JVM uptime at start %.1f s)%n",
                            pageRecords, s, committed.size(), (runningAt.get() - begin) / 1e9, WARMUP_PERCENT, (warmAt - begin) / 1e9,
                            (fetchedAllAt - begin) / 1e9, (ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - begin) / 1e6) / 1e3);
                    long published = endOffsets(admin, Topics.MUNICIPALITY_UPTAKE.topicName()).values().stream().mapToLong(Long::longValue).sum();
                    long byTarget = endOffsets(admin, appId + "-uptake-by-target-repartition").values().stream().mapToLong(Long::longValue).sum();
                    // offsets include one transaction marker per commit and partition: an upper bound of the records
                    System.out.printf("downstream offsets written: uptake-by-target-repartition %,d, municipality-uptake %,d%n", byTarget, published);
                    return new Run(pageRecords, s, cpuAtCaughtUp, pageRecords - fetchedAtWarm, (fetchedAllAt - warmAt) / 1e9,
                            cpuAtFetchedAll - cpuAtWarm);
                }
                if (now - lastReport > 15_000_000_000L) {
                    lastReport = now;
                    System.out.printf("  topology: %,d of %,d page records committed after %.0f s%n", pagesDone, pageRecords, seconds(begin));
                }
            }
        }
    }

    /** Settings for a comparison, from system properties. */
    private static void overrides(Properties config) {
        Long commitMs = Long.getLong("benchmark.commitMs");
        Long cacheMb = Long.getLong("benchmark.cacheMb");
        Long idleMs = Long.getLong("benchmark.idleMs");
        Integer threads = Integer.getInteger("benchmark.threads");
        String compression = System.getProperty("benchmark.compression");
        if (compression != null) {
            config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), compression);
        }
        if (commitMs != null) {
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
        }
        if (cacheMb != null) {
            config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheMb * 1024 * 1024);
        }
        if (idleMs != null) {
            config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, idleMs);
        }
        if (threads != null) {
            config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        }
        System.out.printf("topology settings: commit.interval.ms %s, statestore.cache.max.bytes %s, max.task.idle.ms %s, num.stream.threads %s, "
                        + "producer compression %s%n",
                config.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), config.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG),
                config.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG), config.getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1),
                config.get(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG)));
    }

    /** Reads the running topology's progress and its stream threads' CPU time, cheaply enough to do every 20 ms. */
    private static final class Probe {
        private final KafkaStreams streams;
        private final List<Metric> fetchedPages = new ArrayList<>();
        private long[] streamThreads = new long[0];
        private long lastLookup;

        private final int threads;

        Probe(KafkaStreams streams, int threads) {
            this.streams = streams;
            this.threads = threads;
        }

        /** Page records the stream threads' consumers have fetched. */
        long pagesFetched() {
            lookUp();
            return (long) fetchedPages.stream().mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
        }

        long streamThreadCpu() {
            long sum = 0;
            for (long id : streamThreads) {
                sum += Math.max(0, THREADS.getThreadCpuTime(id));
            }
            return sum;
        }

        /** The metrics and threads appear while the client starts: looked up again until they are there. */
        private void lookUp() {
            if (streamThreads.length >= threads && fetchedPages.size() >= threads || System.nanoTime() - lastLookup < 200_000_000L) {
                return;
            }
            lastLookup = System.nanoTime();
            fetchedPages.clear();
            streams.metrics().forEach((name, metric) -> {
                if (name.group().equals("consumer-fetch-manager-metrics") && name.name().equals("records-consumed-total")
                        && Topics.WEBSITE_PAGES.topicName().equals(name.tags().get("topic"))
                        && name.tags().getOrDefault("client-id", "").endsWith("-consumer")) {
                    fetchedPages.add(metric);
                }
            });
            streamThreads = Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
                    .filter(t -> t != null && t.getThreadName().contains("-StreamThread-"))
                    .mapToLong(ThreadInfo::getThreadId).toArray();
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        return endOffsets(admin, partitions);
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, java.util.Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Until every new partition answers a leader-only request: an idempotent producer writing earlier can retry out of sequence for minutes. */
    private static void awaitLeaders(Admin admin, List<NewTopic> topics) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (NewTopic t : topics) {
            for (int p = 0; p < t.numPartitions(); p++) {
                request.put(new TopicPartition(t.name(), p), OffsetSpec.latest());
            }
        }
        while (true) {
            try {
                admin.listOffsets(request).all().get();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                Thread.sleep(100);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
