package be.lokaalsignaal.source;

import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BundledHistoryTest {

    private final BundledHistory history = BundledHistory.load();

    private NewsletterIssue issueOn(LocalDate date) {
        return history.issues().stream().filter(i -> i.getDate().equals(date)).findFirst().orElseThrow();
    }

    @Test
    void holdsTheTwoNewsletterIssuesAndTwoSessionsOfTheParliamentaryAnswers() {
        assertThat(history.issues()).extracting(NewsletterIssue::getIssueId).containsExactly(
                "2020-03-04-nieuwsbrief-lokaal-gelijkekansenbeleid",
                "2021-03-03-nieuwsbrief-lokaal-gelijkekansenbeleid");
        assertThat(history.sessions()).extracting(LearningNetworkSession::getDate)
                .containsExactly(LocalDate.of(2019, 10, 19), LocalDate.of(2021, 5, 7));
    }

    @Test
    void theIssueOfThreeMarch2021CallsLocalGovernmentsToMentionTheWebsite() {
        List<NewsletterItem> calls = issueOn(LocalDate.of(2021, 3, 3)).getItems().stream().filter(NewsletterItem::getCall).toList();

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.getCallSnippet()).isEqualTo(
                    "Lokale besturen worden aangemoedigd om de website www.seksueelgeweld.be op hun lokale website te vermelden.");
            assertThat(call.getLinks()).containsExactly("http://www.seksueelgeweld.be");
        });
        assertThat(issueOn(LocalDate.of(2021, 3, 3)).getItems()).extracting(NewsletterItem::getHeading)
                .contains("Safer Cities van Plan International");
    }

    @Test
    void theIssueOfFourMarch2020FeaturesMechelen() {
        List<FeaturedMunicipality> featured = issueOn(LocalDate.of(2020, 3, 4)).getItems().stream()
                .flatMap(i -> i.getFeatured().stream()).toList();

        assertThat(featured).extracting(FeaturedMunicipality::getNisCode).containsExactly("12025");
        assertThat(featured.get(0).getSnippet()).contains("Nee is nee");
        assertThat(issueOn(LocalDate.of(2020, 3, 4)).getItems()).noneMatch(NewsletterItem::getCall);
    }

    @Test
    void theSessionsHaveTheirPresenters() {
        assertThat(history.sessions()).extracting(LearningNetworkSession::getPresenters).containsExactly(
                List.of("12025"),
                List.of("44021", "12025", "11002"));
        assertThat(history.sessions()).allMatch(s -> s.getNetwork().equals("lerend netwerk centrumsteden"));
    }

    @Test
    void everyRecordIsMarkedAsReconstructedAndBundled() {
        assertThat(history.issues()).allSatisfy(i -> {
            assertThat(i.getProvenance()).isEqualTo("reconstructed from the parliamentary answers");
            assertThat(i.getSource()).isEqualTo("bundled");
        });
        assertThat(history.sessions()).allSatisfy(s -> {
            assertThat(s.getProvenance()).isEqualTo("reconstructed from the parliamentary answers");
            assertThat(s.getSource()).isEqualTo("bundled");
        });
    }

    @Test
    void loadingTwiceGivesIdenticalRecords() {
        BundledHistory again = BundledHistory.load();

        assertThat(again.issues()).isEqualTo(history.issues());
        assertThat(again.sessions()).isEqualTo(history.sessions());
    }

    @Test
    void aRegisterOfOnesOwnWithoutTheNamedMunicipalitiesKeepsEverySessionAndIssueAndReportsWhoIsLeftOut(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("gemeenten.csv"),
                "nis_code,name,province,website,centrumstad\n90001,Testgemeente,Antwerpen,www.testgemeente.test,false\n");
        be.lokaalsignaal.register.Register own = be.lokaalsignaal.register.Register.load(csv).register();
        List<SourceError> skipped = new java.util.ArrayList<>();

        BundledHistory partial = BundledHistory.load(own, skipped::add);

        assertThat(partial.issues()).hasSameSizeAs(history.issues());
        assertThat(partial.sessions()).hasSameSizeAs(history.sessions()).allMatch(s -> s.getPresenters().isEmpty());
        assertThat(skipped).extracting(SourceError::reason).contains(
                "presenter Mechelen (12025) is not in the register; the session is kept with its other presenters",
                "featured municipality Mechelen (12025) is not in the register; the issue is kept without it");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BundledHistory.load(own))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in the register");
    }

    @Test
    void aRegisterThatKnowsSomePresentersKeepsTheSessionWithThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("gemeenten.csv"),
                "nis_code,name,province,website\n12025,Mechelen,Antwerpen,www.mechelen.be\n44021,Gent,Oost-Vlaanderen,stad.gent\n");
        be.lokaalsignaal.register.Register own = be.lokaalsignaal.register.Register.load(csv).register();
        List<SourceError> skipped = new java.util.ArrayList<>();

        BundledHistory partial = BundledHistory.load(own, skipped::add);

        assertThat(partial.sessions()).extracting(LearningNetworkSession::getPresenters)
                .containsExactly(List.of("12025"), List.of("44021", "12025"));
        assertThat(skipped).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("history/sessions.yml (2021-05-07)");
            assertThat(e.reason()).startsWith("presenter Antwerpen (11002) is not in the register");
        });
        assertThat(partial.issues()).hasSameSizeAs(history.issues());
    }
}
