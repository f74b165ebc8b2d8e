package be.lokaalsignaal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a start treats a registry process that dies before it is ready; a stand-in plays the registry. */
class RegistryStartTest {

    @TempDir
    Path home;
    @TempDir
    Path dataDir;

    @BeforeEach
    void installTheStandIn() throws Exception {
        String name = StandInRegistry.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInRegistry.class.getName());
        try (InputStream classFile = StandInRegistry.class.getClassLoader().getResourceAsStream(name);
             OutputStream file = Files.newOutputStream(home.resolve("stand-in-runner.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry(name));
            classFile.transferTo(jar);
            jar.closeEntry();
        }
        Files.createDirectories(dataDir.resolve("registry"));
    }

    @Test
    void aRegistryThatDiesOnItsFirstStartIsStartedOnceMoreAndServes() {
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(home, dataDir, 0)) {
            assertThat(ProcessHandle.of(registry.pid())).get().matches(ProcessHandle::isAlive);
            assertThat(registry.outage()).isEmpty();
        }
        assertThat(log()).containsOnlyOnce("seems to be in use");
    }

    @Test
    void aRegistryThatDiesOnEveryStartFailsWithTheReasonFromItsLogAndLeavesTheDirectoryFree() throws Exception {
        Files.writeString(dataDir.resolve("registry").resolve(StandInRegistry.FAIL_ALWAYS), "");

        assertThatThrownBy(() -> EmbeddedRegistry.start(home, dataDir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 1 before it was ready")
                .hasMessageContaining("seems to be in use by another process");
        assertThat(log().split("seems to be in use", -1)).as("two attempts, each in the log").hasSize(3);

        assertThatThrownBy(() -> EmbeddedRegistry.start(home, dataDir, 0))
                .as("the failed start released the directory")
                .hasMessageNotContaining("another instance uses")
                .hasMessageContaining("exited with code 1");
    }

    private String log() {
        try {
            return Files.readString(dataDir.resolve("registry").resolve("registry.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
