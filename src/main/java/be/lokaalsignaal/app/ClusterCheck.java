package be.lokaalsignaal.app;

import be.lokaalsignaal.serde.RestSchemaRegistry;
import be.lokaalsignaal.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Checks that an existing cluster and registry answer, and creates the topics that are missing. */
final class ClusterCheck {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** How long a given cluster and registry may take to answer at start; tests shorten it. */
    static volatile Duration reachableWait = WAIT;

    private ClusterCheck() {}

    static void awaitReachable(String bootstrap, String registryUrl, String userInfo) {
        Duration wait = reachableWait;
        try (Admin admin = admin(bootstrap, wait)) {
            admin.describeCluster().clusterId().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new UserError("Kafka at " + bootstrap + " did not answer within " + wait.toSeconds() + " s; check --bootstrap-servers", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while connecting to Kafka at " + bootstrap, e);
        }
        awaitRegistry(registryUrl, userInfo, wait);
    }

    private static void awaitRegistry(String registryUrl, String userInfo, Duration wait) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(new RestSchemaRegistry(registryUrl, userInfo, WAIT).baseUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5)).GET();
        if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes()));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + wait.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
                if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 404) {
                    break;
                }
            } catch (Exception e) {
                last = e.toString();
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new UserError("schema registry at " + registryUrl + " did not answer GET /subjects (" + last + "); check --schema-registry-url");
    }

    static void createTopics(String bootstrap, int partitions, short replicationFactor) {
        try (Admin admin = admin(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = Topics.all(partitions, replicationFactor).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot create the topics on " + bootstrap + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while creating topics", e);
        }
    }

    /** Topic name to topic id, for the application's topics that exist. */
    static Map<String, String> topicIds(String bootstrap) {
        try (Admin admin = admin(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> ours = Topics.ALL.stream().map(Topics.Topic::topicName).filter(existing::contains).toList();
            Map<String, String> ids = new java.util.TreeMap<>();
            admin.describeTopics(ours).allTopicNames().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((name, d) -> ids.put(name, d.topicId().toString()));
            return ids;
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot describe the topics on " + bootstrap + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while describing topics", e);
        }
    }

    /**
     * A new topic's partitions serve writes a moment after creation: the metadata shows a leader
     * before the leader's replica is ready. An idempotent producer that writes in that window can
     * end up retrying out of sequence forever, so wait until every partition answers a leader-only
     * request (list offsets).
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                // describing is inside the retry too: right after creation the broker may not know the topic yet
                Map<TopicPartition, OffsetSpec> partitions = new java.util.HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).forEach((name, d) ->
                        d.partitions().forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Admin admin(String bootstrap) {
        return admin(bootstrap, WAIT);
    }

    private static Admin admin(String bootstrap, Duration wait) {
        int waitMs = (int) wait.toMillis();
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, waitMs),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, waitMs));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
