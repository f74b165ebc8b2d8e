package be.lokaalsignaal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.testkit.SharedCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry client against the real registry (Apicurio's Confluent-compatible API). */
@ExtendWith(SharedCluster.class)
class RestSchemaRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Melding", "namespace": "be.lokaalsignaal.test", "doc": "Een melding.", "fields": [
              {"name": "nisCode", "type": "string", "doc": "NIS-code."}]}""");
    private static final Schema V2_WITH_DEFAULT = new Schema.Parser().parse("""
            {"type": "record", "name": "Melding", "namespace": "be.lokaalsignaal.test", "doc": "Een melding.", "fields": [
              {"name": "nisCode", "type": "string", "doc": "NIS-code."},
              {"name": "bron", "type": ["null", "string"], "default": null, "doc": "Bron."}]}""");
    private static final Schema V2_WITHOUT_DEFAULT = new Schema.Parser().parse("""
            {"type": "record", "name": "Melding", "namespace": "be.lokaalsignaal.test", "doc": "Een melding.", "fields": [
              {"name": "nisCode", "type": "string", "doc": "NIS-code."},
              {"name": "bron", "type": "string", "doc": "Bron."}]}""");

    private final HttpClient http = HttpClient.newHttpClient();

    private static RestSchemaRegistry client() {
        // a client of its own per call: no cache between what a test does and what it checks
        return new RestSchemaRegistry(SharedCluster.registryUrl(), null, Duration.ofSeconds(30));
    }

    @Test
    void aNewSubjectGetsItsFirstVersionAndThenTheCompatibilityLevel() throws Exception {
        String subject = SharedCluster.uniqueName("meldingen") + "-value";

        int id = client().register(subject, V1, SchemaRegistry.BACKWARD);

        assertThat(versions(subject)).isEqualTo("[1]");
        assertThat(client().compatibility(subject)).isEqualTo("BACKWARD");
        assertThat(client().find(subject, V1)).isEqualTo(new SchemaRegistry.RegisteredSchema(id, 1, V1));
    }

    @Test
    void registeringASchemaTheSubjectHasFindsItsIdAndAddsNoVersion() throws Exception {
        String subject = SharedCluster.uniqueName("meldingen") + "-value";
        int id = client().register(subject, V1, SchemaRegistry.BACKWARD);

        int again = client().register(subject, V1, SchemaRegistry.BACKWARD);

        assertThat(again).isEqualTo(id);
        assertThat(versions(subject)).isEqualTo("[1]");
    }

    @Test
    void aCompatibleChangeIsANewVersionAndAnIncompatibleOneIsRefusedWith409() throws Exception {
        String subject = SharedCluster.uniqueName("meldingen") + "-value";
        client().register(subject, V1, SchemaRegistry.BACKWARD);

        client().register(subject, V2_WITH_DEFAULT, SchemaRegistry.BACKWARD);

        assertThat(versions(subject)).isEqualTo("[1,2]");
        assertThatThrownBy(() -> client().register(subject, V2_WITHOUT_DEFAULT, SchemaRegistry.BACKWARD))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
        assertThat(versions(subject)).isEqualTo("[1,2]");
    }

    @Test
    void aSubjectThatHadNoLevelGetsItBeforeItsNextVersionIsChecked() throws Exception {
        String subject = SharedCluster.uniqueName("meldingen") + "-value";
        // as an older release left it: registered without a compatibility level of its own
        client().register(subject, V1);

        assertThatThrownBy(() -> client().register(subject, V2_WITHOUT_DEFAULT, SchemaRegistry.BACKWARD))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
        assertThat(client().compatibility(subject)).isEqualTo("BACKWARD");
        assertThat(versions(subject)).isEqualTo("[1]");
    }

    @Test
    void aLookupOfASchemaTheSubjectLacksSaysWhetherTheSubjectExists() {
        String subject = SharedCluster.uniqueName("meldingen") + "-value";

        assertThatThrownBy(() -> client().lookup(subject, V1))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).subjectNotFound()).isTrue());
        client().register(subject, V1);
        assertThatThrownBy(() -> client().lookup(subject, V2_WITH_DEFAULT))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    private String versions(String subject) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(SharedCluster.registryUrl() + "/subjects/" + subject + "/versions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode versions = JSON.readTree(response.body());
        return versions.toString();
    }
}
