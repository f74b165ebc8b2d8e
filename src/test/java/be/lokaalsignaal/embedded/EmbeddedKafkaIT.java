package be.lokaalsignaal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    static Path sharedDataDir;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(sharedDataDir, 0);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void deliversProducedRecordsToAConsumer() throws Exception {
        String topic = createTopic(kafka, "pages");

        produce(kafka, topic, Map.of("11001", "Aartselaar", "44021", "Gent"));

        assertThat(consumeAll(kafka, topic, "read_uncommitted", 2))
                .containsExactlyInAnyOrder("11001=Aartselaar", "44021=Gent");
    }

    @Test
    void keepsTopicsAndRecordsWhenRestartedOnTheSameDataDirectory(@TempDir Path dataDir) throws Exception {
        String topic;
        try (EmbeddedKafka first = EmbeddedKafka.start(dataDir, 0)) {
            topic = createTopic(first, "issues");
            produce(first, topic, Map.of("issue-1", "Nieuwsbrief januari"));
        }

        try (EmbeddedKafka second = EmbeddedKafka.start(dataDir, 0)) {
            try (Admin admin = admin(second)) {
                assertThat(admin.listTopics().names().get()).contains(topic);
            }
            assertThat(consumeAll(second, topic, "read_uncommitted", 1))
                    .containsExactly("issue-1=Nieuwsbrief januari");
        }
    }

    @Test
    void commitsTransactionsSoThatExactlyOnceWorksOnOneNode() throws Exception {
        String topic = createTopic(kafka, "signals");
        Map<String, Object> config = producerConfig(kafka);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "11001", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "11001", "committed"));
            producer.commitTransaction();
        }

        assertThat(consumeAll(kafka, topic, "read_committed", 1)).containsExactly("11001=committed");
    }

    @Test
    void refusesToStartOnATakenPortAndNamesThePort(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void takesAFreePortInsteadOfATakenOneOnlyWhenAskedTo(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, new ServiceAddress("127.0.0.1", port, "127.0.0.1", false)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + port);
            try (EmbeddedKafka broker = EmbeddedKafka.start(dataDir, new ServiceAddress("127.0.0.1", port, "127.0.0.1", true))) {
                assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:" + port);
                String topic = createTopic(broker, "fallback");
                produce(broker, topic, Map.of("12025", "Mechelen"));
                assertThat(consumeAll(broker, topic, "read_uncommitted", 1)).containsExactly("12025=Mechelen");
            }
        }
    }

    @Test
    void advertisesItsHostNameToOthersAndServesThisProcessOverLoopback(@TempDir Path dataDir) throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(dataDir, new ServiceAddress("0.0.0.0", 0, "localhost", false))) {
            assertThat(broker.bootstrapServers()).startsWith("localhost:");
            assertThat(broker.localBootstrapServers()).startsWith("127.0.0.1:")
                    .isNotEqualTo("127.0.0.1:" + broker.bootstrapServers().substring("localhost:".length()));
            String topic = createTopic(broker, "advertised");

            // written over this process's listener, read as another machine would, through the advertised name
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker.localBootstrapServers()))) {
                producer.send(new ProducerRecord<>(topic, "44021", "Gent")).get();
            }
            assertThat(consumeAll(broker, topic, "read_uncommitted", 1)).containsExactly("44021=Gent");
        }
    }

    @Test
    void refusesADataDirectoryThatARunningBrokerUses() {
        assertThatThrownBy(() -> EmbeddedKafka.start(sharedDataDir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another broker uses " + sharedDataDir.resolve("kafka"));
    }

    private static String createTopic(EmbeddedKafka broker, String prefix) throws Exception {
        String topic = prefix + "-" + UUID.randomUUID();
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        return topic;
    }

    private static Admin admin(EmbeddedKafka broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static Map<String, Object> producerConfig(EmbeddedKafka broker) {
        return producerConfig(broker.bootstrapServers());
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    private static void produce(EmbeddedKafka broker, String topic, Map<String, String> records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
            for (Map.Entry<String, String> record : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get();
            }
        }
    }

    /** Reads the topic from the start until {@code expected} records arrived, or fails after 15 s. */
    private static List<String> consumeAll(EmbeddedKafka broker, String topic, String isolation, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
            // one more poll: a record beyond the expected ones (an aborted one, say) would show here
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                seen.add(record.key() + "=" + record.value());
            }
        }
        return seen;
    }
}
