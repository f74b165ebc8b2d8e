package be.lokaalsignaal.topology;

import be.lokaalsignaal.topics.Topics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    private static final String GENT = "44021";

    /*
     * The production configuration, except exactly-once. A record is deserialized when the task
     * enqueues it, so its dead letter is sent before any processing; under exactly_once_v2 that
     * send is part of the open transaction, and the 4.3.1 TopologyTestDriver clears its
     * MockProducer (uncommitted sends included) before it processes, so the dead letter never
     * reaches a test output topic. On a broker the transaction commits it with the next commit.
     */
    private final UptakeFixture f = new UptakeFixture(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));

    @AfterEach
    void close() {
        f.close();
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theProductionConfigurationSendsUnreadableAndUnprocessableRecordsToTheDeadLetterTopicAndGoesOn() {
        java.util.Properties p = UptakeTopology.streamsConfig("app", "broker:9092", f.serdes.config(), f.stateDir);
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo(Topics.DEAD_LETTERS.topicName());
        // log and continue to the dead letters, except for a registry that does not answer (TransientFaultsTest)
        assertThat((Class<?>) p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isAssignableTo(org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        assertThat((Class<?>) p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isAssignableTo(org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler.class);
        assertThat((Long) p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isPositive();
    }

    @Test
    void aPoisonRecordLandsInTheDeadLetterTopicWithTheErrorInItsHeadersAndTheNextRecordIsProcessed() {
        f.register(GENT);
        TestInputTopic<String, byte[]> rawPages = f.driver.createInputTopic(Topics.WEBSITE_PAGES.topicName(),
                new StringSerializer(), new ByteArraySerializer());
        TestOutputTopic<byte[], byte[]> deadLetters = f.driver.createOutputTopic(Topics.DEAD_LETTERS.topicName(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        byte[] poison = "this is not avro".getBytes(StandardCharsets.UTF_8);

        rawPages.pipeInput(GENT, poison, Instant.parse("2021-01-10T08:00:00Z"));
        f.page(GENT, "s1", "https://stad.gent/a", Instant.parse("2021-01-10T08:01:00Z"), "SITE_LINK");

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo(GENT);
        assertThat(header(dead, "__streams.errors.exception")).contains("SerializationException");
        assertThat(header(dead, "__streams.errors.message")).isNotBlank();
        assertThat(header(dead, "__streams.errors.topic")).isEqualTo(Topics.WEBSITE_PAGES.topicName());
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(f.latest(GENT).getSignals().get("SITE_LINK").getPresent()).isTrue();
    }
}
