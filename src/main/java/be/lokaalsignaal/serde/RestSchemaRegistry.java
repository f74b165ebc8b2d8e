package be.lokaalsignaal.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (Confluent, Apicurio's ccompat API, Karapace,
 * Redpanda), on java.net.http and Jackson.
 */
public final class RestSchemaRegistry implements SchemaRegistry {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    // subject -> the level this client set on it; checked on every record written, so without allocating
    private final Map<String, String> compatibilityKept = new ConcurrentHashMap<>();
    private static final int MAX_SCHEMA_TEXTS = 1024;
    private final Map<Schema, String> schemaTexts = new IdentityHashMap<>();

    /**
     * @param baseUrl registry URL, e.g. {@code http://localhost:8081} or {@code http://host/apis/ccompat/v7}
     * @param userInfo {@code user:password} for basic authentication, or null
     */
    public RestSchemaRegistry(String baseUrl, String userInfo, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = userInfo == null || userInfo.isBlank()
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema, String compatibility) {
        int id = idsBySubjectAndSchema.computeIfAbsent(cacheKey(subject, schema), k -> lookupOrRegister(subject, schema, compatibility));
        // also for a schema this client registered or looked up before without a level
        keepCompatibility(subject, compatibility);
        return id;
    }

    private int lookupOrRegister(String subject, Schema schema, String compatibility) {
        try {
            return find(subject, schema).id();
        } catch (SchemaRegistryException e) {
            if (!e.notFound()) {
                throw e;
            }
            boolean newSubject = e.subjectNotFound();
            if (!newSubject) {
                // before the new version, so that the registry checks it against the earlier ones
                keepCompatibility(subject, compatibility);
            }
            JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
            int id = answer.path("id").asInt(-1);
            if (id < 0) {
                throw new SchemaRegistryException("registry " + baseUrl + " answered without an id when registering subject " + subject + ": " + answer, 200);
            }
            schemasById.putIfAbsent(id, schema);
            if (newSubject) {
                keepCompatibility(subject, compatibility);
            }
            return id;
        }
    }

    /** Sets the level once per subject and process: a restart checks it again, a running serde does not. */
    private void keepCompatibility(String subject, String level) {
        if (level != null && !level.equals(compatibilityKept.get(subject))) {
            setCompatibility(subject, level);
            compatibilityKept.put(subject, level);
        }
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey(subject, schema), k -> find(subject, schema).id());
    }

    @Override
    public RegisteredSchema find(String subject, Schema schema) {
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException("registry " + baseUrl + " answered without an id when looking up a schema under subject " + subject + ": " + answer, 200);
        }
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(id, answer.path("version").asInt(-1), schema);
    }

    @Override
    public String compatibility(String subject) {
        JsonNode answer = send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null);
        return answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(null));
    }

    @Override
    public void setCompatibility(String subject, String level) {
        send("PUT", "/config/" + encode(subject), JSON.createObjectNode().put("compatibility", level).toString());
    }

    @Override
    public RegisteredSchema latest(String subject) {
        // not cached: "latest" is expected to move when a producer registers a new version
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        int id = answer.path("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, i -> parse(answer.path("schema").asText(), "subject " + subject));
        return new RegisteredSchema(id, answer.path("version").asInt(), schema);
    }

    @Override
    public Schema byId(int id) {
        return schemasById.computeIfAbsent(id, i -> {
            JsonNode answer = send("GET", "/schemas/ids/" + id, null);
            return parse(answer.path("schema").asText(), "schema id " + id);
        });
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new SchemaRegistryException("the registry returned an unreadable Avro schema for " + what + ": " + e.getMessage(), e);
        }
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private String cacheKey(String subject, Schema schema) {
        return subject + '\n' + schemaText(schema);
    }

    /**
     * The text of a schema, computed once per schema object: every record sent asks for its id, and
     * printing a large schema per record costs more than writing the record. By identity, not
     * equality, since equal schemas may still print differently (docs) and register apart.
     */
    private String schemaText(Schema schema) {
        synchronized (schemaTexts) {
            String text = schemaTexts.get(schema);
            if (text == null) {
                text = schema.toString();
                // schemas are few and long-lived (one per generated class or registry answer); never grow without bound
                if (schemaTexts.size() < MAX_SCHEMA_TEXTS) {
                    schemaTexts.put(schema, text);
                }
            }
            return text;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SchemaRegistryException.unreachable("schema registry " + baseUrl + " is unreachable (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while calling schema registry " + baseUrl, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException("schema registry " + baseUrl + " refused " + method + " " + path
                    + " with HTTP " + response.statusCode() + ": " + abbreviate(response.body()), response.statusCode(), errorCode(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry " + baseUrl + " answered " + method + " " + path + " with something that is not JSON: " + abbreviate(response.body()), e);
        }
    }

    private static int errorCode(String body) {
        try {
            return JSON.readTree(body).path("error_code").asInt(-1);
        } catch (IOException | RuntimeException notJson) {
            return -1;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
