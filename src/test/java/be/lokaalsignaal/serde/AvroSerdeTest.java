package be.lokaalsignaal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.avro.SourceError;
import be.lokaalsignaal.avro.WebsiteScan;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private static final String SCOPE = "avro-serde-test";
    private final Map<String, String> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void writesMagicByteSchemaIdAndAvroBinaryExactly() {
        InMemorySchemaRegistry.installScope(SCOPE, new InMemorySchemaRegistry(42));
        SourceError record = new SourceError("a", "b", "c", Instant.ofEpochMilli(1));

        byte[] bytes = new AvroSerializer<SourceError>(config, false).serialize("source-errors", record);

        // 0 | 00 00 00 2a (id 42) | "a" "b" "c" as length-prefixed strings | 1 ms as zig-zag long
        assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x00, 0x2a, 0x02, 'a', 0x02, 'b', 0x02, 'c', 0x02);
    }

    @Test
    void registersTheSchemaUnderTheTopicValueSubject() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry(7);
        InMemorySchemaRegistry.installScope(SCOPE, registry);

        new AvroSerializer<SourceError>(config, false).serialize("source-errors", new SourceError("a", "b", "c", Instant.EPOCH));

        assertThat(registry.latest("source-errors-value").id()).isEqualTo(7);
        assertThat(registry.latest("source-errors-value").schema()).isEqualTo(schemaFile("SourceError"));
    }

    @Test
    void registersTheSchemaFileAsWrittenWithoutTheJavaStringProperty() throws Exception {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);

        new AvroSerializer<SourceError>(config, false).serialize("source-errors", new SourceError("a", "b", "c", Instant.EPOCH));

        String registered = registry.latest("source-errors-value").schema().toString();
        assertThat(SourceError.getClassSchema().toString()).as("the generated class").contains("avro.java.string");
        assertThat(registered).doesNotContain("avro.java.string").isEqualTo(schemaFile("SourceError").toString());
    }

    @Test
    void keepsTheJavaPropertiesWhenAskedNotToRemoveThem() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
        Map<String, String> keep = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE, AvroSerdeConfig.REMOVE_JAVA_PROPERTIES, "false");

        new AvroSerializer<SourceError>(keep, false).serialize("source-errors", new SourceError("a", "b", "c", Instant.EPOCH));

        assertThat(registry.latest("source-errors-value").schema()).isEqualTo(SourceError.getClassSchema());
    }

    @Test
    void readsRecordsWrittenUnderTheFileSchemaIntoJavaStrings() {
        AvroSerde<SourceError> serde = AvroSerde.forValues(SourceError.class, config);

        SourceError read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", new SourceError("a", "b", "c", Instant.EPOCH)));

        assertThat(read.getSource()).isInstanceOf(String.class).isEqualTo("a");
    }

    @Test
    void keepsTheConfiguredCompatibilityOnTheSubjectsItRegistersUnder() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
        Map<String, String> backward = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE, AvroSerdeConfig.SUBJECT_COMPATIBILITY, "backward");

        new AvroSerializer<SourceError>(backward, false).serialize("source-errors", new SourceError("a", "b", "c", Instant.EPOCH));

        assertThat(registry.compatibility("source-errors-value")).isEqualTo("BACKWARD");
        assertThat(registry.compatibility("other-value")).isEqualTo("NONE");
    }

    private static Schema schemaFile(String name) {
        try {
            return new Schema.Parser().parse(java.nio.file.Path.of("schemas", name + ".avsc").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readsBackWhatItWrote() {
        SourceError record = new SourceError("newsletters/2021-03-03.eml", "newsletter", "mail without a Date header", Instant.parse("2021-03-03T10:15:30Z"));
        AvroSerde<SourceError> serde = AvroSerde.forValues(SourceError.class, config);

        SourceError read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", record));

        assertThat(read).isEqualTo(record);
    }

    @Test
    void readsARecordWrittenWithAnOlderSchemaByResolvingTheWriterSchemaById() throws Exception {
        // an older WebsiteScan without the later field pagesSkipped (which has a default)
        Schema older = SchemaBuilder.record("WebsiteScan").namespace("be.lokaalsignaal.avro").fields()
                .requiredString("scanId").requiredString("nisCode").requiredString("status")
                .optionalString("reason").optionalString("message").optionalString("startUrl")
                .name("startedAt").type(Schema.create(Schema.Type.LONG)).noDefault()
                .name("completedAt").type().optional().longType()
                .name("pagesFetched").type().intType().intDefault(0)
                .name("pagesFailed").type().intType().intDefault(0)
                .endRecord();
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
        int olderId = registry.register("website-scans-value", older);
        GenericRecord old = new GenericData.Record(older);
        old.put("scanId", "scan-1");
        old.put("nisCode", "12025");
        old.put("status", "COMPLETED");
        old.put("startedAt", 1_000L);
        old.put("completedAt", 2_000L);
        old.put("pagesFetched", 12);
        old.put("pagesFailed", 1);

        WebsiteScan read = new AvroDeserializer<>(WebsiteScan.class, config, false).deserialize("website-scans", wire(olderId, older, old));

        assertThat(read.getNisCode()).isEqualTo("12025");
        assertThat(read.getPagesFetched()).isEqualTo(12);
        assertThat(read.getPagesSkipped()).isZero();
        assertThat(read.getCompletedAt()).isEqualTo(Instant.ofEpochMilli(2_000));
    }

    @Test
    void refusesBytesThatAreNotInTheWireFormatWithAClearMessage() {
        AvroDeserializer<SourceError> deserializer = new AvroDeserializer<>(SourceError.class, config, false);

        assertThatThrownBy(() -> deserializer.deserialize("source-errors", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("source-errors")
                .hasMessageContaining("magic byte 0");
    }

    @Test
    void refusesAnUnknownSchemaIdNamingIt() {
        AvroDeserializer<SourceError> deserializer = new AvroDeserializer<>(SourceError.class, config, false);

        assertThatThrownBy(() -> deserializer.deserialize("source-errors", new byte[] {0, 0, 0, 0, 99, 2, 'a'}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 99");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsAnError() {
        Map<String, String> lookupOnly = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");

        assertThatThrownBy(() -> new AvroSerializer<SourceError>(lookupOnly, false).serialize("source-errors", new SourceError("a", "b", "c", Instant.EPOCH)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("source-errors-value");
    }

    @Test
    void useLatestVersionWritesWithTheLatestRegisteredSchemaId() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
        int id = registry.register("source-errors-value", SourceError.getClassSchema());
        Map<String, String> latest = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true");

        byte[] bytes = new AvroSerializer<SourceError>(latest, false).serialize("source-errors", new SourceError("a", "b", "c", Instant.EPOCH));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void aMissingRegistryUrlIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> new AvroSerializer<SourceError>(Map.of(), false))
                .hasMessageContaining("schema.registry.url");
    }

    private static byte[] wire(int id, Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
