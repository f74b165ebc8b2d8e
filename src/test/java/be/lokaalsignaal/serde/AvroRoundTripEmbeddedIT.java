package be.lokaalsignaal.serde;

import be.lokaalsignaal.testkit.SharedCluster;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class AvroRoundTripEmbeddedIT extends AvroRoundTripContract {
    @Override
    String bootstrapServers() {
        return SharedCluster.bootstrapServers();
    }
}
