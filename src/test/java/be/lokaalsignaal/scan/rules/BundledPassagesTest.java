package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.extract.HtmlExtractor;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.url.SiteScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled safety-plan reader reads passages: the zone's plan in one item of long council minutes. */
class BundledPassagesTest {

    private static final String MECHELEN = "12025";
    private static final String URL = "https://www.mechelen.be/verslag-gemeenteraad-16-juni";

    @TempDir
    Path dir;

    private static PageContent minutes() throws IOException {
        try (InputStream in = BundledPassagesTest.class.getResourceAsStream(
                "/pages/verslag-gemeenteraad-zonaal-veiligheidsplan.html")) {
            return HtmlExtractor.extract(new String(in.readAllBytes(), StandardCharsets.UTF_8), URL,
                    SiteScope.ofUrl(URL));
        }
    }

    private static List<RuleMatch> plans(SignalCatalogue catalogue, PageContent page) {
        return catalogue.withPlaces(Places.of(Register.bundled())).analyse(page, MECHELEN).stream()
                .filter(m -> m.getKind().equals("SAFETY_PLAN")).toList();
    }

    @Test
    void councilMinutesOfTwentyTwoItemsKeepTheZonesPlanThatOneItemTakesNoteOf() throws IOException {
        List<RuleMatch> plans = plans(SignalCatalogue.bundled(), minutes());

        assertThat(plans).isNotEmpty();
        // the page read whole scores below the threshold: the passage is what keeps the plan
        assertThat(plans.get(0).getPhrases()).filteredOn(p -> p.getRole().equals("reader"))
                .extracting(MatchedPhrase::getPhrase).singleElement().asString()
                .contains("(a rule's match stands from 0.30); a passage of ");
    }

    @Test
    void withoutPassagesTheSameMinutesLoseThePlan() throws IOException {
        String bundled;
        try (InputStream in = SignalCatalogue.class.getResourceAsStream("/signals.yml")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bundled).contains("    passage: 250\n");
        Files.writeString(dir.resolve("signals.yml"), bundled.replace("    passage: 250\n", ""));

        assertThat(plans(SignalCatalogue.load(dir.resolve("signals.yml")), minutes())).isEmpty();
    }
}
