package be.lokaalsignaal.serde;

import be.lokaalsignaal.testkit.SharedCluster;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same round trip on a Kafka broker in a container, where a Docker engine is available. */
@ExtendWith(SharedCluster.class)
@Testcontainers(disabledWithoutDocker = true)
class AvroRoundTripTestcontainersIT extends AvroRoundTripContract {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
