package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerHaltTest {

    private final Path dataDir = Path.of("/srv/lokaal-signaal/data");

    @Test
    void aHaltWithAlmostNoFreeSpaceIsNamedAFullDiskOfTheDataDirectory() {
        assertThat(BrokerHalt.explain(dataDir, 1, null, 3 * 1024 * 1024))
                .startsWith("the disk of /srv/lokaal-signaal/data is full (3 MB free)")
                .contains("free space");
    }

    @Test
    void aHaltWithRoomLeftIsAFatalFaultOfTheBrokerWithItsCodeAndMessage() {
        assertThat(BrokerHalt.explain(dataDir, 1, "metadata log failed", 40L * 1024 * 1024 * 1024))
                .startsWith("the embedded Kafka broker stopped on a fatal fault (code 1, metadata log failed)")
                .doesNotContain("full");
    }

    @Test
    void aHaltWhoseFreeSpaceIsUnknownIsNotCalledAFullDisk() {
        assertThat(BrokerHalt.explain(dataDir, 1, null, -1)).doesNotContain("full");
    }
}
