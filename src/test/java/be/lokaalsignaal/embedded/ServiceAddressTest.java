package be.lokaalsignaal.embedded;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ServiceAddressTest {

    @Test
    void aFixedPortThatIsTakenIsRefusedBeforeAnythingStartsUnlessAnotherMayBeChosen() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(Ports.HOST), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> ServiceAddress.loopback(port).requireFree("the broker"))
                    .isInstanceOf(PortInUseException.class).hasMessageContaining(String.valueOf(port));
            assertThatCode(() -> new ServiceAddress(Ports.HOST, port, Ports.HOST, true).requireFree("the broker"))
                    .doesNotThrowAnyException();
            assertThatCode(() -> ServiceAddress.loopback(0).requireFree("the broker")).doesNotThrowAnyException();
        }
    }
}
