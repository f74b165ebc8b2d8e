package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.lokaalsignaal.serve.Readiness;
import be.lokaalsignaal.testkit.SharedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness on a real broker, with the topology's group played by offsets committed through the
 * admin client: what a step of the topology has written to an internal topic counts as start-up
 * data from the moment it is in the log, before its transaction's commit makes it readable.
 */
@ExtendWith(SharedCluster.class)
class DataReadinessIT {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String MECHELEN = "12025";

    @Test
    void recordsAStepWroteButHasNotYetCommittedKeepHealthStartingUntilTheGroupIsPastThem() throws Exception {
        String applicationId = SharedCluster.uniqueName("readiness");
        String input = SharedCluster.uniqueName("readiness-input");
        String internal = applicationId + "-contributions-by-nis-repartition";
        TopicPartition inputPartition = new TopicPartition(input, 0);
        TopicPartition internalPartition = new TopicPartition(internal, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(input, 1, (short) 1), new NewTopic(internal, 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> plain = producer(Map.of())) {
                plain.send(new ProducerRecord<>(input, "issue-1", "a newsletter issue")).get();
            }
            // the topology has processed the input: its offset is committed
            admin.alterConsumerGroupOffsets(applicationId, Map.of(inputPartition, new OffsetAndMetadata(1))).all().get();

            try (KafkaProducer<String, String> step = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-step"));
                 DataReadiness readiness = new DataReadiness(applicationId, List.of(input), Set.of(MECHELEN))) {
                // ... and what it gave rise to is in the internal topic's log, its commit marker not yet written
                step.initTransactions();
                step.beginTransaction();
                step.send(new ProducerRecord<>(internal, MECHELEN, "a contribution")).get();

                readiness.inputsPublished(SharedCluster.bootstrapServers());
                readiness.topologyRunning();
                readiness.watch(null, () -> Set.of(MECHELEN));

                AtomicReference<Readiness.Health> seen = new AtomicReference<>();
                await().atMost(PATIENCE).until(() -> {
                    seen.set(readiness.check());
                    return seen.get().up() || String.join(" ", seen.get().waitingFor()).contains("1 records it derived");
                });
                assertThat(seen.get().up()).as("health while a step's record is unprocessed").isFalse();
                assertThat(seen.get().waitingFor()).anySatisfy(reason -> assertThat(reason).contains(internal + "=1"));

                // the transaction commits, and the next step processes the record: the group passes it
                step.commitTransaction();
                admin.alterConsumerGroupOffsets(applicationId, Map.of(internalPartition, new OffsetAndMetadata(1))).all().get();
                await().atMost(PATIENCE).until(() -> readiness.check().up());
            }
        }
    }

    @Test
    void anAbortedTransactionOfManyRecordsAtTheEndOfAnInternalTopicDoesNotKeepHealthStarting() throws Exception {
        String applicationId = SharedCluster.uniqueName("readiness-aborted");
        String input = SharedCluster.uniqueName("readiness-aborted-input");
        String internal = applicationId + "-contributions-by-nis-repartition";
        TopicPartition inputPartition = new TopicPartition(input, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(input, 1, (short) 1), new NewTopic(internal, 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> plain = producer(Map.of())) {
                plain.send(new ProducerRecord<>(input, "issue-1", "a newsletter issue")).get();
            }
            admin.alterConsumerGroupOffsets(applicationId, Map.of(inputPartition, new OffsetAndMetadata(1))).all().get();
            // a step that failed part-way: its transaction wrote many records and was aborted, and nothing came after
            try (KafkaProducer<String, String> step = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-step"))) {
                step.initTransactions();
                step.beginTransaction();
                for (int i = 0; i < 5 * MarkerProbe.MAX_GAP; i++) {
                    step.send(new ProducerRecord<>(internal, MECHELEN, "a contribution never committed " + i));
                }
                step.flush();
                step.abortTransaction();
            }
            try (DataReadiness readiness = new DataReadiness(applicationId, List.of(input), Set.of(MECHELEN))) {
                readiness.inputsPublished(SharedCluster.bootstrapServers());
                readiness.topologyRunning();
                readiness.watch(null, () -> Set.of(MECHELEN));
                await().atMost(PATIENCE).until(() -> readiness.check().up());
            }
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedCluster.bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
