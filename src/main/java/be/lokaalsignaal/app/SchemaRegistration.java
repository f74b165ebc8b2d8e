package be.lokaalsignaal.app;

import be.lokaalsignaal.serde.JavaProperties;
import be.lokaalsignaal.serde.SchemaRegistry;
import be.lokaalsignaal.serde.SchemaRegistryException;
import be.lokaalsignaal.serve.About;
import be.lokaalsignaal.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Registers the value schema of every topic at start, before anything is produced: the schema as its
 * file in {@code schemas/} has it, under {@code <topic>-value}, looked up first so that a schema
 * already there gets no new version, and the subject kept at BACKWARD compatibility. A registry that
 * refuses a schema (one that cannot read the subject's earlier versions) stops the start.
 */
final class SchemaRegistration {
    private SchemaRegistration() {}

    /** Registers every topic's value schema; returns the topics as {@code /api/about} shows them. */
    static List<About.Topic> registerAll(SchemaRegistry registry) {
        List<About.Topic> topics = new ArrayList<>();
        for (Topics.Topic<?> topic : Topics.ALL) {
            if (topic.valueType() == null) {
                topics.add(new About.Topic(topic.topicName(), null, null, null, null, null));
                continue;
            }
            Schema schema = JavaProperties.removedFrom(SpecificData.get().getSchema(topic.valueType()));
            String subject = topic.valueSubject();
            try {
                registry.register(subject, schema, SchemaRegistry.BACKWARD);
                SchemaRegistry.RegisteredSchema registered = registry.find(subject, schema);
                topics.add(new About.Topic(topic.topicName(), subject, schema.getFullName(), registered.id(), registered.version(),
                        registry.compatibility(subject)));
            } catch (SchemaRegistryException e) {
                throw new UserError("the schema registry refuses schemas/" + schema.getName() + ".avsc under subject " + subject + ": "
                        + e.getMessage(), e);
            }
        }
        return topics;
    }
}
