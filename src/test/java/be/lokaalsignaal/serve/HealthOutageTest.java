package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthOutageTest {

    @Test
    void healthIsDownWithTheReasonWhileAPartTheDataDependsOnIsOutAndUpAgainAfter() {
        ApiClient.quietLogs();
        AtomicReference<String> outage = new AtomicReference<>();
        HttpApi api = HttpApi.start("127.0.0.1", 0, () -> true, new SampleUptakeSource(HttpApiTest.TODAY), HttpApiTest.CLOCK);
        try {
            api.reportOutage(() -> Optional.ofNullable(outage.get()));
            ApiClient client = new ApiClient(api.port());
            assertThat(client.json("/api/health").path("status").asText()).isEqualTo("UP");

            outage.set("the schema registry at http://127.0.0.1:1/apis/ccompat/v7 does not answer");
            HttpResponse<String> down = client.get("/api/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(ApiClient.parse(down.body()).path("status").asText()).isEqualTo("DOWN");
            assertThat(ApiClient.parse(down.body()).path("reason").asText()).isEqualTo(outage.get());

            outage.set(null);
            assertThat(client.json("/api/health").path("status").asText()).isEqualTo("UP");
        } finally {
            api.close();
        }
    }
}
