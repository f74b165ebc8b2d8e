package be.lokaalsignaal.serve;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /api/about}: what a consumer of the topics needs to connect, the addresses of the Kafka
 * cluster and the schema registry, and every topic with its value subject and the id of the schema
 * this instance registered there. Known once the instance has connected to Kafka; 503 before.
 */
public final class About {
    public static final String PATH = "/api/about";

    private About() {}

    /**
     * @param bootstrapServers {@code bootstrap.servers} for consumers, as advertised
     * @param schemaRegistryUrl the Confluent-compatible registry URL for consumers
     * @param embedded true when the broker and registry run inside this instance
     * @param topics every topic of the system, in declaration order
     */
    public record Info(String bootstrapServers, String schemaRegistryUrl, boolean embedded, List<Topic> topics) {
        public Info {
            topics = List.copyOf(topics);
        }
    }

    /**
     * @param name the topic
     * @param valueSubject subject of the value schema; null for a topic without one (dead letters)
     * @param valueSchema full name of the value record (its file is {@code schemas/<name>.avsc}); null without one
     * @param schemaId global id of the value schema this instance writes with; null without one
     * @param schemaVersion version of that schema under the subject
     * @param compatibility the subject's compatibility level
     */
    public record Topic(String name, String valueSubject, String valueSchema, Integer schemaId, Integer schemaVersion, String compatibility) {}

    /** The route's handler: the info once known, 503 while the instance is still connecting. */
    public static void handle(Context ctx, Supplier<Info> info) {
        Query.of(ctx.queryParamMap(), Set.of());
        Info current = info.get();
        if (current == null) {
            ctx.header("Retry-After", String.valueOf(HttpApi.RETRY_AFTER_SECONDS));
            ctx.status(503).json(Map.of("error", "not connected to Kafka yet; retry later"));
            return;
        }
        ctx.json(view(current));
    }

    static Map<String, Object> view(Info info) {
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("bootstrapServers", info.bootstrapServers());
        kafka.put("embedded", info.embedded());
        Map<String, Object> registry = new LinkedHashMap<>();
        registry.put("url", info.schemaRegistryUrl());
        registry.put("subjectNameStrategy", "TopicNameStrategy");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kafka", kafka);
        out.put("schemaRegistry", registry);
        out.put("topics", info.topics().stream().map(About::topic).toList());
        return out;
    }

    private static Map<String, Object> topic(Topic t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", t.name());
        out.put("keyFormat", "string");
        out.put("valueFormat", t.valueSubject() == null ? "bytes as received" : "avro");
        out.put("valueSubject", t.valueSubject());
        out.put("valueSchema", t.valueSchema());
        out.put("schemaId", t.schemaId());
        out.put("schemaVersion", t.schemaVersion());
        out.put("compatibility", t.compatibility());
        return out;
    }
}
