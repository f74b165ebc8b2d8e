package be.lokaalsignaal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class SharedClusterIT {

    @Test
    void givesTestsABrokerThatCreatesTopics() throws Exception {
        String topic = SharedCluster.uniqueName("pages");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();

            // creating completes once the controller has the topic; the broker that lists topics answers from its
            // own metadata, which follows a moment later (a CI run listed the topics before it had caught up)
            await().atMost(Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(admin.listTopics().names().get()).contains(topic));
        }
    }

    @Test
    void givesTestsARegistryThatAnswersTheConfluentApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(SharedCluster.registryUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void makesUniqueNamesThatAreValidTopicNames() {
        Set<String> names = IntStream.range(0, 100)
                .mapToObj(i -> SharedCluster.uniqueName("municipality-uptake"))
                .collect(java.util.stream.Collectors.toSet());

        assertThat(names).hasSize(100).allSatisfy(name -> {
            assertThat(name).startsWith("municipality-uptake-");
            Topic.validate(name);
        });
    }
}
