package be.lokaalsignaal.topology;

import static be.lokaalsignaal.topology.UptakeFixture.featured;
import static be.lokaalsignaal.topology.UptakeFixture.issue;
import static be.lokaalsignaal.topology.UptakeFixture.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.EvidencePhrase;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.RuleMatch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Website evidence says why it was found: the rule, whose action it is, and the words that matched. */
class WebsiteEvidenceTest {
    private static final String MECHELEN = "12025";
    private static final String OLD_HASSELT = "71022";
    private static final String NEW_HASSELT = "71072";
    private static final Instant MAY = Instant.parse("2024-05-06T09:00:00Z");
    private static final String CAMPAIGN_PAGE = "https://www.mechelen.be/nieuws/stad-start-campagne-tegen-seksueel-geweld";
    private static final String SNIPPET = "Vanaf maandag start de stad Mechelen de campagne 'Grenzen' tegen seksueel geweld "
            + "in het uitgaansleven en op straat.";

    private final UptakeFixture f = new UptakeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static MatchedPhrase phrase(String role, String phrase, String text) {
        return MatchedPhrase.newBuilder().setRole(role).setPhrase(phrase).setText(text).build();
    }

    private static RuleMatch campaign(String snippet, List<MatchedPhrase> phrases) {
        return RuleMatch.newBuilder().setKind("CAMPAIGN").setRule("campaign-local").setSnippet(snippet)
                .setPhrases(phrases).setActor("OWN").build();
    }

    private static final List<MatchedPhrase> PHRASES = List.of(
            phrase("campagne", "*campagne", "campagne"),
            phrase("thema", "seksueel geweld", "seksueel geweld"),
            phrase("actor", "de stad", "de stad Mechelen"));

    private static List<Evidence> evidence(MunicipalityUptake r, String kind) {
        return r.getSignals().get(kind).getEvidence();
    }

    @Test
    void a_page_s_rule_actor_and_matched_phrases_reach_the_municipality_s_evidence_on_municipality_uptake() {
        f.register(MECHELEN);
        f.started(MECHELEN, "r1", MAY);
        RuleMatch link = RuleMatch.newBuilder().setKind("SITE_LINK").setRule("site-link").setSnippet("Hulp nodig? www.seksueelgeweld.be")
                .setPhrases(List.of(phrase("link", "www.seksueelgeweld.be", "https://www.seksueelgeweld.be/hulp"))).build();
        f.matchedPage(MECHELEN, "r1", 1, CAMPAIGN_PAGE, MAY.plusSeconds(60), campaign(SNIPPET, PHRASES), link);

        MunicipalityUptake published = f.uptakeTopic().get(MECHELEN);
        Evidence ev = evidence(published, "CAMPAIGN").get(0);
        assertThat(ev.getUrl()).isEqualTo(CAMPAIGN_PAGE);
        assertThat(ev.getSnippet()).isEqualTo(SNIPPET);
        assertThat(ev.getSource()).isEqualTo("WEBSITE");
        assertThat(ev.getRule()).isEqualTo("campaign-local");
        assertThat(ev.getActor()).isEqualTo("OWN");
        assertThat(ev.getPhrases()).extracting(EvidencePhrase::getRole, EvidencePhrase::getPhrase, EvidencePhrase::getText)
                .containsExactly(tuple("campagne", "*campagne", "campagne"), tuple("thema", "seksueel geweld", "seksueel geweld"),
                        tuple("actor", "de stad", "de stad Mechelen"));
        Evidence linkEvidence = evidence(published, "SITE_LINK").get(0);
        assertThat(linkEvidence.getRule()).isEqualTo("site-link");
        assertThat(linkEvidence.getActor()).isNull();
        assertThat(linkEvidence.getPhrases()).extracting(EvidencePhrase::getText).containsExactly("https://www.seksueelgeweld.be/hulp");

        // folded in again when the scan completes, and kept in the latest store the API reads
        f.completed(MECHELEN, "r1", MAY, MAY.plusSeconds(3600), 1);
        assertThat(evidence(f.latest(MECHELEN), "CAMPAIGN")).singleElement().satisfies(e -> {
            assertThat(e.getRule()).isEqualTo("campaign-local");
            assertThat(e.getPhrases()).hasSize(3);
        });
    }

    @Test
    void a_page_seen_again_with_other_words_replaces_the_phrases_of_its_evidence_item() {
        f.register(MECHELEN);
        f.started(MECHELEN, "r1", MAY);
        f.matchedPage(MECHELEN, "r1", 1, CAMPAIGN_PAGE, MAY.plusSeconds(60), campaign(SNIPPET, PHRASES));
        f.completed(MECHELEN, "r1", MAY, MAY.plusSeconds(3600), 1);

        Instant later = MAY.plusSeconds(30 * 86400);
        f.started(MECHELEN, "r2", later);
        List<MatchedPhrase> local = List.of(phrase("campagne", "*campagne", "campagne"), phrase("thema", "seksueel geweld", "seksueel geweld"),
                phrase("actor", "schepen", "schepen van Gelijke Kansen"));
        f.matchedPage(MECHELEN, "r2", 1, CAMPAIGN_PAGE, later.plusSeconds(60),
                RuleMatch.newBuilder(campaign(SNIPPET, local)).setActor("LOCAL").build());
        f.completed(MECHELEN, "r2", later, later.plusSeconds(3600), 1);

        assertThat(evidence(f.latest(MECHELEN), "CAMPAIGN")).singleElement().satisfies(e -> {
            assertThat(e.getSeenAt()).isEqualTo(later.plusSeconds(60));
            assertThat(e.getActor()).isEqualTo("LOCAL");
            assertThat(e.getPhrases()).extracting(EvidencePhrase::getText).contains("schepen van Gelijke Kansen");
        });
    }

    @Test
    void phrase_texts_are_kept_to_300_characters_and_an_item_to_16_phrases() {
        f.register(MECHELEN);
        f.started(MECHELEN, "r1", MAY);
        List<MatchedPhrase> many = new ArrayList<>();
        many.add(phrase("thema", "seksueel geweld", "seksueel geweld ".repeat(40)));
        for (int i = 0; i < 30; i++) {
            many.add(phrase("campagne", "*campagne", "campagne " + i));
        }
        f.matchedPage(MECHELEN, "r1", 1, CAMPAIGN_PAGE, MAY.plusSeconds(60), campaign("x".repeat(400), many));

        Evidence ev = evidence(f.latest(MECHELEN), "CAMPAIGN").get(0);
        assertThat(ev.getPhrases()).hasSize(KeptEvidence.MAX_PHRASES);
        assertThat(ev.getPhrases().get(0).getText()).hasSize(300).startsWith("seksueel geweld seksueel geweld");
        assertThat(ev.getSnippet()).hasSize(300);
    }

    @Test
    void newsletter_and_learning_network_evidence_has_no_rule_no_actor_and_no_phrases() {
        f.register(MECHELEN);
        f.publish(issue("2024-03-06-nieuwsbrief", LocalDate.of(2024, 3, 6),
                item("Grenzen in Mechelen", false, featured(MECHELEN, "Mechelen"))));
        f.publish(LearningNetworkSession.newBuilder().setSessionId("2024-04-18-uitgaansleven").setDate(LocalDate.of(2024, 4, 18))
                .setTitle("Veilig uitgaan").setPresenters(List.of(MECHELEN)).build());

        MunicipalityUptake r = f.uptakeTopic().get(MECHELEN);
        for (String kind : List.of("NEWSLETTER_FEATURE", "LEARNING_NETWORK")) {
            assertThat(evidence(r, kind)).as(kind).isNotEmpty().allSatisfy(e -> {
                assertThat(e.getRule()).isNull();
                assertThat(e.getActor()).isNull();
                assertThat(e.getPhrases()).isEmpty();
            });
        }
    }

    @Test
    void a_merged_municipality_carries_its_predecessor_s_rule_and_phrases() {
        f.register(OLD_HASSELT, NEW_HASSELT);
        Instant at = Instant.parse("2023-09-04T08:00:00Z");
        f.started(OLD_HASSELT, "r1", at);
        List<MatchedPhrase> phrases = List.of(phrase("campagne", "*campagne", "campagne"), phrase("thema", "seksueel geweld", "seksueel geweld"),
                phrase("actor", "de stad", "de stad Hasselt"));
        f.matchedPage(OLD_HASSELT, "r1", 1, "https://www.hasselt.be/grenzen", at.plusSeconds(60),
                campaign("De stad Hasselt voert campagne tegen seksueel geweld.", phrases));
        f.completed(OLD_HASSELT, "r1", at, at.plusSeconds(600), 1);

        assertThat(evidence(f.latest(NEW_HASSELT), "CAMPAIGN")).singleElement().satisfies(e -> {
            assertThat(e.getRule()).isEqualTo("campaign-local");
            assertThat(e.getActor()).isEqualTo("OWN");
            assertThat(e.getPhrases()).extracting(EvidencePhrase::getText).containsExactly("campagne", "seksueel geweld", "de stad Hasselt");
        });
    }
}
