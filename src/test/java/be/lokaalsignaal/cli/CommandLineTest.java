package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.app.EmbeddedPorts;
import be.lokaalsignaal.app.Settings;
import be.lokaalsignaal.embedded.ServiceAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a user meets it: every mistake gives exit code 2 and one line on stderr that
 * names the problem. These cases all fail before any service would start.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownOptionIsOneLineNamingTheOption() {
        CliRun result = CliRun.execute("run", "--no-such-option");

        result.assertUsageError().contains("--no-such-option");
    }

    @Test
    void aBadDurationIsOneLineNamingTheOptionAndTheValue() {
        CliRun result = CliRun.execute("run", "--scan-interval", "7days");

        result.assertUsageError().contains("--scan-interval").contains("7days");
    }

    @Test
    void aMissingMunicipalitiesFileIsOneLineNamingTheFile() {
        Path missing = dir.resolve("gemeenten.csv");

        CliRun result = CliRun.execute("run", "--municipalities", missing.toString());

        result.assertUsageError().contains("--municipalities").contains(missing.toString());
    }

    @Test
    void aMunicipalitiesFileWithoutAValidRowIsOneLineNamingTheFileAndTheFirstProblem() throws java.io.IOException {
        Path register = java.nio.file.Files.writeString(dir.resolve("gemeenten.csv"),
                "nis_code,name,province,website\n1234,Nergensdorp,Antwerpen,\n");

        CliRun result = CliRun.execute("run", "--municipalities", register.toString(), "--data-dir", dir.resolve("data").toString());

        result.assertUsageError().contains("--municipalities").contains("has no valid row").contains("bad NIS code '1234'");
    }

    @Test
    void aMissingNewslettersDirectoryIsOneLineNamingTheDirectory() {
        Path missing = dir.resolve("nieuwsbrieven");

        CliRun result = CliRun.execute("run", "--newsletters", missing.toString());

        result.assertUsageError().contains("--newsletters").contains(missing.toString());
    }

    @Test
    void bootstrapServersWithoutASchemaRegistryIsOneLineNamingBothOptions() {
        CliRun result = CliRun.execute("run", "--bootstrap-servers", "kafka1:9092");

        result.assertUsageError().contains("--bootstrap-servers").contains("--schema-registry-url");
    }

    @Test
    void aSchemaRegistryWithoutBootstrapServersIsOneLineNamingBothOptions() {
        CliRun result = CliRun.execute("run", "--schema-registry-url", "http://registry:8081");

        result.assertUsageError().contains("--bootstrap-servers").contains("--schema-registry-url");
    }

    @Test
    void anUnknownCommandIsOneLineNamingIt() {
        CliRun result = CliRun.execute("crawl-everything");

        result.assertUsageError().contains("crawl-everything");
    }

    @Test
    void scanWarcWithAMissingFileIsOneLineNamingTheFile() {
        Path missing = dir.resolve("site.warc.gz");

        CliRun result = CliRun.execute("scan-warc", "--dry-run", missing.toString());

        result.assertUsageError().contains(missing.toString());
    }

    @Test
    void helpOfTheRootCommandListsTheCommands() {
        CliRun result = CliRun.execute("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("Usage: lokaal-signaal").contains("run").contains("scan-warc");
    }

    /**
     * picocli passes every help text through String.format; a lone "%" ("95% intervals") makes it print a warning
     * to the user and the text unformatted.
     */
    @Test
    void everyCommandsHelpTextIsAFormatStringPicocliCanFormat() {
        List<String> broken = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>(List.of(Main.commandLine()));
        for (int i = 0; i < commands.size(); i++) {
            CommandLine.Model.CommandSpec spec = commands.get(i).getCommandSpec();
            commands.addAll(commands.get(i).getSubcommands().values());
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            spec.options().forEach(o -> texts.addAll(List.of(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
            for (String text : texts) {
                try {
                    String.format(Locale.ROOT, text);
                } catch (IllegalFormatException e) {
                    broken.add(spec.qualifiedName() + ": " + text);
                }
            }
        }
        assertThat(commands).hasSizeGreaterThan(5);
        assertThat(broken).isEmpty();
    }

    @Test
    void helpOfRunListsItsOptionsWithTheirDefaults() {
        CliRun result = CliRun.execute("run", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("Usage: lokaal-signaal run")
                .contains("--http-port").contains("--data-dir").contains("--bootstrap-servers")
                .contains("--scan-interval").contains("default: 8080");
        assertThat(result.out().replaceAll("\\s+", " "))
                .contains("--kafka-port=<kafkaPort> Client port of the embedded Kafka broker (default: 9092")
                .contains("--registry-port=<registryPort> Port of the embedded schema registry (default: 8081");
    }

    @Test
    void withoutPortOptionsRunUsesTheSameFixedKafkaAndRegistryPortsEveryTime() {
        Settings first = parse();
        Settings second = parse();

        assertThat(first.embeddedPorts()).isEqualTo(new EmbeddedPorts(9092, 8081, false)).isEqualTo(second.embeddedPorts());
    }

    @Test
    void freePortsAreTakenOnlyWhenAskedFor() {
        assertThat(parse("--free-ports-if-taken").embeddedPorts().freeIfTaken()).isTrue();
        assertThat(parse("--kafka-port", "0", "--registry-port", "0").embeddedPorts()).isEqualTo(EmbeddedPorts.anyFree());
    }

    @Test
    void aKafkaPortThatIsNoPortIsOneLineNamingTheOption() {
        CliRun result = CliRun.execute("run", "--kafka-port", "70000");

        result.assertUsageError().contains("--kafka-port").contains("70000");
    }

    @Test
    void theEmbeddedServicesListenWhereTheHttpServerDoesAndAreAdvertisedUnderTheAdvertisedHost() {
        Settings settings = parse("--http-host", "0.0.0.0", "--advertised-host", "signaal.example.org");

        assertThat(settings.embeddedPorts().kafka(settings.httpHost(), settings.advertisedHost()))
                .isEqualTo(new ServiceAddress("0.0.0.0", 9092, "signaal.example.org", false));
        assertThat(settings.embeddedPorts().registry(settings.httpHost(), settings.advertisedHost()))
                .isEqualTo(new ServiceAddress("0.0.0.0", 8081, "signaal.example.org", false));
    }

    private static Settings parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run.validated();
    }

    @Test
    void helpOfScanWarcListsItsOptions() {
        CliRun result = CliRun.execute("scan-warc", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("Usage: lokaal-signaal scan-warc").contains("--dry-run").contains("FILE");
    }
}
