package be.lokaalsignaal.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.serde.InMemorySchemaRegistry;
import be.lokaalsignaal.serde.SchemaRegistryException;
import be.lokaalsignaal.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A record that meets an unavailable schema registry is not a bad record: the task fails (to be
 * retried from the last commit), nothing goes to the dead letters, and the same record is processed
 * once the registry answers. At-least-once here for the reason given in DeadLetterTest: under
 * exactly-once the test driver drops uncommitted sends, so a dead letter could not be seen.
 */
class TransientFaultsTest {
    private static final String GENT = "44021";
    private static final Instant AT = Instant.parse("2021-01-10T08:00:00Z");

    private final UptakeFixture f = new UptakeFixture(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(f.scope);
    private final TestInputTopic<String, byte[]> rawPages = f.driver.createInputTopic(Topics.WEBSITE_PAGES.topicName(),
            new StringSerializer(), new ByteArraySerializer());
    private final TestOutputTopic<byte[], byte[]> deadLetters = f.driver.createOutputTopic(Topics.DEAD_LETTERS.topicName(),
            new ByteArrayDeserializer(), new ByteArrayDeserializer());

    @AfterEach
    void close() {
        registry.setUnavailable(false);
        f.close();
    }

    private byte[] page(String url, String... kinds) {
        List<RuleMatch> matches = java.util.Arrays.stream(kinds).map(k -> RuleMatch.newBuilder().setKind(k).setRule(k.toLowerCase() + "-rule").setSnippet("snippet on " + url).build()).toList();
        WebsitePage page = WebsitePage.newBuilder().setScanId("s1").setNisCode(GENT).setUrl(url).setFinalUrl(url).setFetchedAt(AT)
                .setHttpStatus(200).setMatches(matches).build();
        return f.serdes.value(Topics.WEBSITE_PAGES).serializer().serialize(Topics.WEBSITE_PAGES.topicName(), page);
    }

    @Test
    void aRecordThatCannotBeReadForWantOfTheRegistryFailsTheTaskGoesToNoDeadLetterAndIsReadOnceTheRegistryAnswers() {
        f.register(GENT);
        byte[] page = page("https://stad.gent/hulp", "SITE_LINK");
        registry.setUnavailable(true);

        Throwable failure = catchThrowable(() -> rawPages.pipeInput(GENT, page, AT));

        assertThat(SchemaRegistryException.isUnavailable(failure)).as("failed for want of the registry: %s", failure).isTrue();
        assertThat(deadLetters.isEmpty()).as("dead letters").isTrue();

        registry.setUnavailable(false);
        rawPages.pipeInput(GENT, page, AT);

        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(f.latest(GENT).getSignals().get("SITE_LINK").getPresent()).isTrue();
    }

    // ------------------------------------------------------------------ each handler on its own

    private static final Exception UNAVAILABLE = new org.apache.kafka.common.errors.SerializationException("cannot get a schema id",
            SchemaRegistryException.unreachable("schema registry http://127.0.0.1:1 is unreachable", new java.io.IOException("refused")));
    private static final Exception BAD = new org.apache.kafka.common.errors.SerializationException("not in the wire format");

    private static <H extends org.apache.kafka.common.Configurable> H configured(H handler) {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.topicName()));
        return handler;
    }

    @Test
    void eachHandlerFailsWithoutADeadLetterForAnUnavailableRegistryAndDeadLettersABadRecord() {
        var context = new Context();
        var consumed = new org.apache.kafka.clients.consumer.ConsumerRecord<>("website-pages", 2, 41L, "k".getBytes(), "v".getBytes());
        var produced = new org.apache.kafka.clients.producer.ProducerRecord<>("signals", "k", "v");
        var processed = new org.apache.kafka.streams.processor.api.Record<>("k", "v", 0L);

        var deserialization = configured(new TransientFaults.Deserialization());
        assertThat(deserialization.handleError(context, consumed, UNAVAILABLE)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result.FAIL);
            assertThat(r.deadLetterQueueRecords()).isEmpty();
        });
        assertThat(deserialization.handleError(context, consumed, BAD)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result.RESUME);
            assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(d -> assertThat(d.topic()).isEqualTo(Topics.DEAD_LETTERS.topicName()));
        });

        var processing = configured(new TransientFaults.Processing());
        assertThat(processing.handleError(context, processed, UNAVAILABLE)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result.FAIL);
            assertThat(r.deadLetterQueueRecords()).isEmpty();
        });
        assertThat(processing.handleError(context, processed, BAD).result())
                .isEqualTo(org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result.RESUME);

        var production = configured(new TransientFaults.Production());
        var value = org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin.VALUE;
        assertThat(production.handleSerializationError(context, produced, UNAVAILABLE, value)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(org.apache.kafka.streams.errors.ProductionExceptionHandler.Result.FAIL);
            assertThat(r.deadLetterQueueRecords()).isEmpty();
        });
        assertThat(production.handleSerializationError(context, produced, BAD, value).deadLetterQueueRecords()).hasSize(1);
    }

    /** What a handler is told about the record: a page on website-pages, partition 2, offset 41. */
    private static final class Context implements org.apache.kafka.streams.errors.ErrorHandlerContext {
        @Override public String topic() { return "website-pages"; }
        @Override public int partition() { return 2; }
        @Override public long offset() { return 41; }
        @Override public org.apache.kafka.common.header.Headers headers() { return new org.apache.kafka.common.header.internals.RecordHeaders(); }
        @Override public String processorNodeId() { return "website-pages-source"; }
        @Override public org.apache.kafka.streams.processor.TaskId taskId() { return new org.apache.kafka.streams.processor.TaskId(0, 2); }
        @Override public long timestamp() { return 0; }
        @Override public byte[] sourceRawKey() { return "k".getBytes(); }
        @Override public byte[] sourceRawValue() { return "v".getBytes(); }
    }

    @Test
    void aRecordBadInItselfStillGoesToTheDeadLettersAndProcessingGoesOn() {
        f.register(GENT);
        rawPages.pipeInput(GENT, "geen avro".getBytes(java.nio.charset.StandardCharsets.UTF_8), AT);
        rawPages.pipeInput(GENT, page("https://stad.gent/hulp", "SITE_LINK"), AT);

        assertThat(deadLetters.readValuesToList()).hasSize(1);
        assertThat(f.latest(GENT).getSignals().get("SITE_LINK").getPresent()).isTrue();
    }

    @Test
    void theProductionConfigurationUsesTheseHandlers() {
        java.util.Properties p = UptakeTopology.streamsConfig("app", "broker:9092", f.serdes.config(), f.stateDir);
        assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(TransientFaults.Deserialization.class);
        assertThat(p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(TransientFaults.Processing.class);
        assertThat(p.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(TransientFaults.Production.class);
    }
}
