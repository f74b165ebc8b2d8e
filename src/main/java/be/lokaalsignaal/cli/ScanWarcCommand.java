package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.Application;
import be.lokaalsignaal.app.KafkaConnection;
import be.lokaalsignaal.app.UserError;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.ScanListener;
import be.lokaalsignaal.scan.WarcScanner;
import be.lokaalsignaal.scan.rules.Places;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.TopicSerdes;
import be.lokaalsignaal.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scan-warc}: the same extraction as the crawler over web-archive files, so analysts can
 * scan a web archive or a Common Crawl extract. Pages are mapped to municipalities by host.
 */
@Command(name = "scan-warc", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the website extraction over WARC files and publishes a WebsitePage per municipal page to website-pages.",
            "A web archive is not a complete scan: it can show a signal, never prove one gone."})
public final class ScanWarcCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "WARC files (.warc or .warc.gz).")
    List<Path> files;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ReadingOptions reading;

    @Option(names = "--scan-id", description = "Id under which the pages are published (default: warc-<file name>).")
    String scanId;

    @Option(names = "--dry-run", negatable = false, description = "Print what would be published; publish nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw new UserError(file + ": no such file or not readable");
            }
        }
        cluster.validated();
        Register register = reading.register(spec.commandLine().getErr());
        SignalCatalogue catalogue = reading.catalogue();
        PrintWriter out = spec.commandLine().getOut();
        WarcScanner scanner = new WarcScanner(catalogue.withPlaces(Places.of(register)), register::nisForHost);
        if (dryRun) {
            scanAll(scanner, out, page -> out.printf("%s %s %s%n", page.getNisCode(), page.getFinalUrl(), page.getMatches().stream().map(m -> m.getKind()).distinct().toList()));
            return 0;
        }
        try (KafkaConnection kafka = KafkaConnection.open(cluster.absoluteDataDir(), cluster.bootstrapServers, cluster.schemaRegistryUrl, cluster.registryUserInfo,
                cluster.embeddedPorts().kafka("127.0.0.1", "127.0.0.1"), cluster.embeddedPorts().registry("127.0.0.1", "127.0.0.1"))) {
            kafka.createTopics(Topics.DEFAULT_PARTITIONS, (short) 1);
            Map<String, Object> serdeConfig = Application.serdeConfig(kafka.registryUrl(), cluster.registryUserInfo);
            try (Publisher publisher = new Publisher(kafka.bootstrapServers(), new TopicSerdes(serdeConfig), "lokaal-signaal-scan-warc")) {
                scanAll(scanner, out, page -> publisher.publish(Topics.WEBSITE_PAGES, page.getNisCode(), page, page.getFetchedAt()));
                publisher.flush();
            }
        }
        return 0;
    }

    private void scanAll(WarcScanner scanner, PrintWriter out, java.util.function.Consumer<WebsitePage> sink) throws IOException {
        for (Path file : files) {
            String id = scanId != null ? scanId : "warc-" + file.getFileName();
            WarcScanner.Summary summary;
            try {
                summary = scanner.scan(file, id, new ScanListener() {
                    @Override
                    public void page(WebsitePage page) {
                        sink.accept(page);
                    }

                    @Override
                    public void scan(WebsiteScan lifecycle) {}
                });
            } catch (IOException e) {
                // the scanner's message names the file
                throw new UserError(e.getMessage(), e);
            }
            out.printf("%s: %d responses, %d municipal pages, %d on other hosts, %d unreadable%n",
                    file, summary.responses(), summary.pages(), summary.unmatchedHosts(), summary.unreadable());
        }
        out.flush();
    }
}
