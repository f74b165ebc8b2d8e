package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.CatalogueTestPages.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.avro.RuleMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoadingTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("signals.yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void bundledCatalogueHasTheWatchedHostAndRulesForEveryPhraseKind() {
        SignalCatalogue c = SignalCatalogue.bundled();
        assertThat(c.watchedHosts()).extracting(SignalCatalogue.WatchedHost::host).containsExactly("seksueelgeweld.be");
        assertThat(c.rules()).extracting(r -> r.kind().name()).contains("CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE");
    }

    @Test
    void catalogueFromAFileIsUsed() throws Exception {
        SignalCatalogue c = SignalCatalogue.load(write("""
                rules:
                  - id: fuif
                    kind: nightlife
                    allOf: [[fuif*], [ongewenst gedrag]]
                    exclude: [sluitingsuur]
                """));
        assertThat(c.analyse(html("<p>Op elke fuif een team tegen ongewenst gedrag.</p>")))
                .extracting(RuleMatch::getRule).containsExactly("fuif");
        assertThat(c.analyse(html("<p>Sluitingsuur van elke fuif en ongewenst gedrag.</p>"))).isEmpty();
    }

    @Test
    void titleOrUrlConditionMustHold() throws Exception {
        SignalCatalogue c = SignalCatalogue.load(write("""
                rules:
                  - id: plan
                    kind: SAFETY_PLAN
                    titleOrUrl: [veiligheidsplan*]
                    allOf: [[zedenfeiten]]
                """));
        assertThat(c.analyse(html("https://g.be/veiligheidsplan-2020", "<p>Zedenfeiten</p>"))).hasSize(1);
        assertThat(c.analyse(html("https://g.be/nieuws", "<p>Zedenfeiten</p>"))).isEmpty();
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> SignalCatalogue.load(missing))
                .isInstanceOf(CatalogueException.class).hasMessage(missing + ": file not found");
    }

    @Test
    void invalidYamlNamesFileAndLine() throws Exception {
        Path f = write("rules:\n  - id: [unclosed\n");
        assertThatThrownBy(() -> SignalCatalogue.load(f))
                .isInstanceOf(CatalogueException.class).hasMessageStartingWith(f + ": not valid YAML (line");
    }

    @Test
    void unknownKindNamesTheField() throws Exception {
        Path f = write("rules:\n  - id: a\n    kind: PARTY\n    allOf: [[x]]\n");
        assertThatThrownBy(() -> SignalCatalogue.load(f))
                .hasMessageStartingWith(f + ": rules[0].kind: unknown kind 'PARTY'");
    }

    @Test
    void siteKindsCannotBePhraseRules() throws Exception {
        Path f = write("rules:\n  - id: a\n    kind: SITE_LINK\n    allOf: [[x]]\n");
        assertThatThrownBy(() -> SignalCatalogue.load(f)).hasMessageContaining("rules[0].kind: phrase rules find");
    }

    @Test
    void missingAllOfNamesTheField() throws Exception {
        Path f = write("rules:\n  - id: a\n    kind: CAMPAIGN\n");
        assertThatThrownBy(() -> SignalCatalogue.load(f)).hasMessage(f + ": rules[0].allOf: missing: give one or more groups of alternative phrases");
    }

    @Test
    void misplacedWildcardNamesThePhrase() throws Exception {
        Path f = write("rules:\n  - id: a\n    kind: CAMPAIGN\n    allOf: [[ok, 'ca*mp']]\n");
        assertThatThrownBy(() -> SignalCatalogue.load(f)).hasMessageStartingWith(f + ": rules[0].allOf[0][1]: '*' may only");
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        Path f = write("rules:\n  - id: a\n    kind: CAMPAIGN\n    allof: [[x]]\n");
        assertThatThrownBy(() -> SignalCatalogue.load(f)).hasMessageStartingWith(f + ": rules[0].allof: unknown field");
    }

    @Test
    void duplicateRuleIdIsNamed() throws Exception {
        Path f = write("rules:\n  - {id: a, kind: CAMPAIGN, allOf: [[x]]}\n  - {id: a, kind: CAMPAIGN, allOf: [[y]]}\n");
        assertThatThrownBy(() -> SignalCatalogue.load(f)).hasMessage(f + ": rules[1].id: rule id 'a' is used twice");
    }

    @Test
    void watchedHostMustBeAHostName() throws Exception {
        Path f = write("watchedHosts:\n  - {host: 'https://x.be/', linkRule: l, mentionRule: m}\n");
        assertThatThrownBy(() -> SignalCatalogue.load(f)).hasMessageContaining("watchedHosts[0].host: 'https://x.be/' is not a host name");
    }
}
