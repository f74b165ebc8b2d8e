package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.serde.InMemorySchemaRegistry;
import be.lokaalsignaal.serde.SchemaRegistry;
import be.lokaalsignaal.serde.SchemaRegistryException;
import be.lokaalsignaal.serve.About;
import be.lokaalsignaal.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaRegistrationTest {

    @Test
    void registersTheSchemaFileOfEveryTopicUnderItsValueSubjectAndKeepsItBackward() throws Exception {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry(1);

        List<About.Topic> topics = SchemaRegistration.registerAll(registry);

        assertThat(topics).extracting(About.Topic::name).containsExactlyElementsOf(Topics.ALL.stream().map(Topics.Topic::topicName).toList());
        for (Topics.Topic<?> topic : Topics.ALL) {
            About.Topic about = topics.stream().filter(t -> t.name().equals(topic.topicName())).findFirst().orElseThrow();
            if (topic.valueType() == null) {
                assertThat(about.valueSubject()).isNull();
                continue;
            }
            SchemaRegistry.RegisteredSchema latest = registry.latest(topic.valueSubject());
            Schema file = new Schema.Parser().parse(Path.of("schemas", topic.valueType().getSimpleName() + ".avsc").toFile());
            assertThat(latest.schema().toString()).as(topic.topicName()).isEqualTo(file.toString());
            assertThat(about).isEqualTo(new About.Topic(topic.topicName(), topic.valueSubject(), topic.valueType().getName(),
                    latest.id(), latest.version(), "BACKWARD"));
        }
    }

    @Test
    void aSchemaTheRegistryRefusesStopsTheStartWithOneLineNamingTheSubjectAndTheFile() {
        SchemaRegistry refusing = new Refusing(Topics.MUNICIPALITY_UPTAKE.valueSubject());

        assertThatThrownBy(() -> SchemaRegistration.registerAll(refusing))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("municipality-uptake-value")
                .hasMessageContaining("schemas/MunicipalityUptake.avsc")
                .hasMessageContaining("409")
                .hasMessageNotContaining("\n");
    }

    /** A registry that refuses every schema under one subject, as a registry refuses an incompatible one. */
    private record Refusing(String subject, InMemorySchemaRegistry registry) implements SchemaRegistry {
        Refusing(String subject) {
            this(subject, new InMemorySchemaRegistry(1));
        }

        @Override
        public int register(String s, Schema schema, String compatibility) {
            if (s.equals(subject)) {
                throw new SchemaRegistryException("schema registry refused POST /subjects/" + s + "/versions with HTTP 409: incompatible", 409);
            }
            return registry.register(s, schema, compatibility);
        }

        @Override
        public int lookup(String s, Schema schema) {
            return registry.lookup(s, schema);
        }

        @Override
        public RegisteredSchema find(String s, Schema schema) {
            return registry.find(s, schema);
        }

        @Override
        public RegisteredSchema latest(String s) {
            return registry.latest(s);
        }

        @Override
        public Schema byId(int id) {
            return registry.byId(id);
        }

        @Override
        public String compatibility(String s) {
            return registry.compatibility(s);
        }

        @Override
        public void setCompatibility(String s, String level) {
            registry.setCompatibility(s, level);
        }
    }
}
