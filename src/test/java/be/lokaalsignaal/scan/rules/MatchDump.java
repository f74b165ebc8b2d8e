package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.PageAnalyzer;
import be.lokaalsignaal.scan.accuracy.LabelledCorpus;
import be.lokaalsignaal.scan.accuracy.LabelledPage;
import be.lokaalsignaal.scan.accuracy.PdfText;
import be.lokaalsignaal.scan.extract.HtmlExtractor;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.url.SiteScope;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Not a test: prints every match (kind, rule, actor, snippet, phrases) and every rule's why-not of every page of a
 * labelled corpus directory, each also with its text varied in ways the word reading must survive, or of generated
 * pages; so that a change meant to make the rules faster can be compared with {@code cmp} against the version
 * before it. Pages in file order, matches and reasons in the catalogue's order.
 *
 * <pre>
 * java -cp ... be.lokaalsignaal.scan.rules.MatchDump src/test/resources/accuracy/dev > dev.txt
 * java -cp ... be.lokaalsignaal.scan.rules.MatchDump generated > generated.txt
 * </pre>
 */
public final class MatchDump {

    private static final String MECHELEN = "12025";
    private static final String HALLE = "23027";

    /** Text-node changes that exercise the slow and quick paths of the word reading differently. */
    private static final Map<String, UnaryOperator<String>> VARIANTS = Map.of(
            "1-as-is", s -> s,
            "2-typographic", s -> s.replace('\'', '\u2019').replace(" - ", " \u2013 ").replace("\"", "\u201d"),
            "3-left-quotes", s -> s.replace('\'', '\u2018').replace(" - ", " \u2014 ").replace("\"", "\u201c"),
            "4-copyright", s -> s.isBlank() ? s : "\u00a9 " + s,
            "5-soft-hyphen", s -> s.replace("en ", "en\u00ad "));

    private MatchDump() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Register register = Register.bundled();
        SignalCatalogue catalogue = SignalCatalogue.bundled().withPlaces(Places.of(register));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (args[0].equals("generated")) {
            generated(catalogue, out);
        } else {
            corpus(catalogue, LabelledCorpus.read(Path.of(args[0]), register), out);
        }
        out.flush();
    }

    private static void corpus(SignalCatalogue catalogue, LabelledCorpus corpus, PrintStream out) throws Exception {
        PageAnalyzer analyzer = new PageAnalyzer(catalogue);
        for (LabelledPage page : corpus.pages()) {
            String text = Files.readString(page.file());
            for (String variant : VARIANTS.keySet().stream().sorted().toList()) {
                UnaryOperator<String> change = VARIANTS.get(variant);
                byte[] body;
                String type;
                if (page.isPdf()) {
                    body = PdfText.toPdf(change.apply(text));
                    type = "application/pdf";
                } else {
                    body = changeText(text, change).getBytes(StandardCharsets.UTF_8);
                    type = "text/html; charset=utf-8";
                }
                PageContent content = analyzer.analyse("dump", page.nisCode(), page.url(), page.url(), Instant.EPOCH,
                        200, type, body, body.length, false, SiteScope.ofUrl(page.url())).content();
                print(out, page.file().getFileName() + " " + variant, catalogue, content, page.nisCode());
            }
        }
    }

    private static void generated(SignalCatalogue catalogue, PrintStream out) {
        for (int size : new int[] {20 * 1024, 100 * 1024, 1024 * 1024, 5 * 1024 * 1024}) {
            String html = MunicipalDutchPage.ofSize(size);
            String mechelen = html.replace("Voorbeeld", "Mechelen");
            String halle = html.replace("Voorbeeld", "Halle");
            String url = "https://www.voorbeeld.be/nieuws";
            print(out, size + " none", catalogue, extract(html, url), null);
            print(out, size + " none-on-mechelen", catalogue, extract(html, url), MECHELEN);
            print(out, size + " own", catalogue, extract(mechelen, "https://www.mechelen.be/nieuws"), MECHELEN);
            print(out, size + " mechelen-on-halle", catalogue, extract(mechelen, "https://www.halle.be/nieuws"), HALLE);
            print(out, size + " halle-on-mechelen", catalogue, extract(halle, "https://www.mechelen.be/nieuws"),
                    MECHELEN);
        }
    }

    private static PageContent extract(String html, String url) {
        return HtmlExtractor.extract(html, url, SiteScope.ofUrl(url));
    }

    private static String changeText(String html, UnaryOperator<String> change) {
        Document doc = Jsoup.parse(html);
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                t.text(change.apply(t.getWholeText()));
            }
        }, doc);
        return doc.outerHtml();
    }

    private static void print(PrintStream out, String page, SignalCatalogue catalogue, PageContent content, String nis) {
        out.println("== " + page);
        for (RuleMatch m : catalogue.analyse(content, nis)) {
            out.printf("  match %s %s actor=%s%n    snippet: %s%n", m.getKind(), m.getRule(), m.getActor(),
                    m.getSnippet());
            for (MatchedPhrase p : m.getPhrases()) {
                out.printf("    phrase %s %s: %s%n", p.getRole(), p.getPhrase(), p.getText());
            }
        }
        catalogue.whyNot(content, nis).forEach((rule, why) -> out.printf("  why-not %s: %s%n", rule, why));
    }
}
