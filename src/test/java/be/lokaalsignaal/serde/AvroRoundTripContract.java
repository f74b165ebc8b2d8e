package be.lokaalsignaal.serde;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.testkit.SharedCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The serde against a real broker and the real registry: records produced with the project's
 * serializer come back through a plain KafkaConsumer, and the schema is registered under the
 * topic's value subject. Run against every broker a subclass provides.
 */
abstract class AvroRoundTripContract {

    abstract String bootstrapServers();

    @Test
    void recordsProducedWithTheSerdeAreReadBackByAPlainConsumerAndTheSchemaIsRegistered() throws Exception {
        String topic = SharedCluster.uniqueName("municipalities");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, SharedCluster.registryUrl());
        List<Municipality> sent = List.of(
                Municipality.newBuilder().setNisCode("12025").setName("Mechelen").setProvince("Antwerpen").setCentreCity(true).setWebsite("https://www.mechelen.be").build(),
                Municipality.newBuilder().setNisCode("44045").setName("Moerbeke").setProvince("Oost-Vlaanderen").setCentreCity(false)
                        .setValidUntil(LocalDate.of(2024, 12, 31)).setSuccessor("46029").build());

        try (KafkaProducer<String, Municipality> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                new StringSerializer(), new AvroSerializer<>(serdeConfig, false))) {
            for (Municipality m : sent) {
                producer.send(new ProducerRecord<>(topic, m.getNisCode(), m)).get();
            }
        }

        List<Municipality> received = new ArrayList<>();
        try (KafkaConsumer<String, Municipality> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, SharedCluster.uniqueName("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new AvroDeserializer<>(Municipality.class, serdeConfig, false))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Municipality> r : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(r.key()).isEqualTo(r.value().getNisCode());
                    received.add(r.value());
                }
            }
        }

        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(SharedCluster.registryUrl() + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(subjects.body()).contains("\"" + topic + "-value\"");
    }
}
