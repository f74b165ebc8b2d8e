package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-level checks of a data directory, on directories laid out by hand. */
class DataDirCheckTest {

    private static final List<String> TOPICS = List.of("municipalities", "website-pages");

    @TempDir
    Path dataDir;

    @Test
    void aNewEmptyDirectoryPasses() {
        assertThatCode(() -> DataDirCheck.beforeStart(dataDir, TOPICS)).doesNotThrowAnyException();
    }

    @Test
    void aCompleteDirectoryPassesAndItsIdentityIsRecorded() throws IOException {
        broker("cluster-a");
        metadata();
        partition("municipalities-0", 120);
        registryDatabase();

        DataDirCheck.beforeStart(dataDir, TOPICS);
        DataDirCheck.record(dataDir, Map.of("municipalities", "id-1"));

        assertThat(dataDir.resolve(DataDirCheck.IDENTITY_FILE)).content().contains("cluster.id=cluster-a").contains("topic.municipalities=id-1");
        assertThatCode(() -> DataDirCheck.beforeStart(dataDir, TOPICS)).doesNotThrowAnyException();
    }

    @Test
    void brokerDataGoneFromADirectoryThatHeldAClusterIsRefused() throws IOException {
        broker("cluster-a");
        DataDirCheck.record(dataDir, Map.of());
        Files.delete(dataDir.resolve("kafka/meta.properties"));

        assertThatThrownBy(() -> DataDirCheck.beforeStart(dataDir, TOPICS)).isInstanceOf(UserError.class)
                .hasMessageContaining("broker data of " + dataDir.resolve("kafka") + " is missing")
                .hasMessageContaining("cluster-a");
    }

    @Test
    void brokerDataOfAnotherClusterIsRefused() throws IOException {
        broker("cluster-a");
        DataDirCheck.record(dataDir, Map.of());
        broker("cluster-b");

        assertThatThrownBy(() -> DataDirCheck.beforeStart(dataDir, TOPICS)).isInstanceOf(UserError.class)
                .hasMessageContaining("belongs to another cluster (id cluster-b; this data directory's is cluster-a)");
    }

    @Test
    void partitionsWithoutMetadataAreRefused() throws IOException {
        broker("cluster-a");
        partition("municipalities-0", 120);
        partition("municipalities-1", 0);

        assertThatThrownBy(() -> DataDirCheck.beforeStart(dataDir, TOPICS)).isInstanceOf(UserError.class)
                .hasMessageContaining("broker metadata of " + dataDir.resolve("kafka") + " is missing (__cluster_metadata-0)")
                .hasMessageContaining("2 topic partitions");
    }

    @Test
    void partitionsSetAsideAsStrayAreRefused() throws IOException {
        broker("cluster-a");
        metadata();
        partition("municipalities-0.2c1f0e5a7b5d4a2f9a2b1c3d4e5f6a7b-stray", 120);

        assertThatThrownBy(() -> DataDirCheck.beforeStart(dataDir, TOPICS)).isInstanceOf(UserError.class)
                .hasMessageContaining("set 1 partitions aside as stray");
    }

    @Test
    void recordsOnTheTopicsWithoutTheirRegistryDatabaseAreRefused() throws IOException {
        broker("cluster-a");
        metadata();
        partition("website-pages-3", 4096);

        assertThatThrownBy(() -> DataDirCheck.beforeStart(dataDir, TOPICS)).isInstanceOf(UserError.class)
                .hasMessageContaining("schema registry database " + dataDir.resolve("registry/registry_db.mv.db") + " is missing");
    }

    @Test
    void emptyTopicsNeedNoRegistryDatabaseYet() throws IOException {
        broker("cluster-a");
        metadata();
        partition("website-pages-3", 0);

        assertThatCode(() -> DataDirCheck.beforeStart(dataDir, TOPICS)).doesNotThrowAnyException();
    }

    @Test
    void aTopicCreatedAnewOrMissingIsRefused() throws IOException {
        broker("cluster-a");
        DataDirCheck.record(dataDir, Map.of("municipalities", "id-1", "website-pages", "id-2"));

        assertThatThrownBy(() -> DataDirCheck.topicsKnown(dataDir, Map.of("municipalities", "id-9", "website-pages", "id-2")))
                .isInstanceOf(UserError.class).hasMessageContaining("topic municipalities").hasMessageContaining("created anew");
        assertThatThrownBy(() -> DataDirCheck.topicsKnown(dataDir, Map.of("municipalities", "id-1")))
                .isInstanceOf(UserError.class).hasMessageContaining("topic website-pages is missing");
        assertThatCode(() -> DataDirCheck.topicsKnown(dataDir, Map.of("municipalities", "id-1", "website-pages", "id-2", "signals", "id-3")))
                .doesNotThrowAnyException();
    }

    @Test
    void everyRefusalIsOneLineThatPointsToTheRecovery() throws IOException {
        broker("cluster-a");
        partition("municipalities-0", 1);

        assertThatThrownBy(() -> DataDirCheck.beforeStart(dataDir, TOPICS))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith("the data directory is damaged: ")
                        .endsWith(DataDirCheck.RECOVERY));
    }

    private void broker(String clusterId) throws IOException {
        Files.createDirectories(dataDir.resolve("kafka"));
        Files.writeString(dataDir.resolve("kafka/meta.properties"), "version=1\nnode.id=1\ncluster.id=" + clusterId + "\n");
    }

    private void metadata() throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("kafka/__cluster_metadata-0"));
        Files.write(dir.resolve("00000000000000000000-0000000000.checkpoint"), new byte[64]);
    }

    private void partition(String name, int logBytes) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("kafka").resolve(name));
        Files.write(dir.resolve("00000000000000000000.log"), new byte[logBytes]);
    }

    private void registryDatabase() throws IOException {
        Files.createDirectories(dataDir.resolve("registry"));
        Files.write(dataDir.resolve("registry/registry_db.mv.db"), new byte[16]);
    }
}
