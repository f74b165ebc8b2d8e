package be.lokaalsignaal.serde;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration of the Avro serde under Confluent's key names, so that a configuration written for
 * Confluent's serializer works unchanged.
 */
public final class AvroSerdeConfig {
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /**
     * Register and look up schemas without the properties the Java code generator adds (Confluent's key).
     * True by default here, unlike Confluent's serializer: the schema files are the contract, and a
     * client that registers a file must find the same schema under the subject.
     */
    public static final String REMOVE_JAVA_PROPERTIES = "avro.remove.java.properties";
    /**
     * Compatibility level (e.g. BACKWARD) that the serializer keeps on every subject it registers a
     * schema under; unset leaves the registry's level alone. Not one of Confluent's keys.
     */
    public static final String SUBJECT_COMPATIBILITY = "lokaalsignaal.subject.compatibility";
    /** Milliseconds a registry call may take. */
    public static final String REGISTRY_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    private static final String MOCK_SCHEME = "mock://";
    // one client per registry URL and credentials, so its caches serve every serde of the process
    private static final Map<String, SchemaRegistry> CLIENTS = new ConcurrentHashMap<>();

    private final SchemaRegistry registry;
    private final boolean autoRegister;
    private final boolean useLatestVersion;
    private final boolean removeJavaProperties;
    private final String subjectCompatibility;

    private AvroSerdeConfig(SchemaRegistry registry, boolean autoRegister, boolean useLatestVersion, boolean removeJavaProperties,
            String subjectCompatibility) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.useLatestVersion = useLatestVersion;
        this.removeJavaProperties = removeJavaProperties;
        this.subjectCompatibility = subjectCompatibility;
    }

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\" for the Avro serde");
        }
        String first = url.toString().split(",")[0].trim();
        String userInfo = userInfo(first, configs);
        Duration timeout = Duration.ofMillis(Long.parseLong(string(configs, REGISTRY_TIMEOUT_MS, "30000")));
        SchemaRegistry registry = first.startsWith(MOCK_SCHEME)
                ? InMemorySchemaRegistry.scope(first.substring(MOCK_SCHEME.length()))
                : CLIENTS.computeIfAbsent(first + '\n' + userInfo, k -> new RestSchemaRegistry(stripUserInfo(first), userInfo, timeout));
        String compatibility = string(configs, SUBJECT_COMPATIBILITY, "").trim().toUpperCase();
        return new AvroSerdeConfig(registry,
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, REMOVE_JAVA_PROPERTIES, true),
                compatibility.isEmpty() ? null : compatibility);
    }

    private static String userInfo(String url, Map<String, ?> configs) {
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "").trim().toUpperCase();
        switch (source) {
            case "", "NONE":
                return null;
            case "USER_INFO":
                Object info = configs.get(BASIC_AUTH_USER_INFO);
                if (info == null || info.toString().isBlank()) {
                    throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs " + BASIC_AUTH_USER_INFO + " (user:password)");
                }
                return info.toString();
            case "URL":
                int at = url.indexOf('@');
                int scheme = url.indexOf("://");
                if (at < 0 || scheme < 0) {
                    throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=URL needs credentials in " + SCHEMA_REGISTRY_URL + " (http://user:password@host)");
                }
                return url.substring(scheme + 3, at);
            default:
                throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "expected USER_INFO, URL or NONE");
        }
    }

    private static String stripUserInfo(String url) {
        int at = url.indexOf('@');
        int scheme = url.indexOf("://");
        return at > 0 && scheme > 0 && at > scheme ? url.substring(0, scheme + 3) + url.substring(at + 1) : url;
    }

    private static String string(Map<String, ?> configs, String key, String fallback) {
        Object v = configs.get(key);
        return v == null ? fallback : v.toString();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object v = configs.get(key);
        return v == null ? fallback : Boolean.parseBoolean(v.toString().trim());
    }

    public SchemaRegistry registry() {
        return registry;
    }

    public boolean autoRegister() {
        return autoRegister;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean removeJavaProperties() {
        return removeJavaProperties;
    }

    /** The level to keep on the subjects the serializer registers under, or null. */
    public String subjectCompatibility() {
        return subjectCompatibility;
    }
}
