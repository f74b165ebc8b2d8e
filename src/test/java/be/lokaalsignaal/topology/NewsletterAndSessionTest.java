package be.lokaalsignaal.topology;

import static be.lokaalsignaal.topology.UptakeFixture.featured;
import static be.lokaalsignaal.topology.UptakeFixture.issue;
import static be.lokaalsignaal.topology.UptakeFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.Signal;
import be.lokaalsignaal.avro.SourceRef;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewsletterAndSessionTest {
    private static final String MECHELEN = "12025";
    private static final String GENT = "44021";
    private static final String ANTWERPEN = "11002";
    private static final LocalDate MARCH_2020 = LocalDate.of(2020, 3, 4);

    private final UptakeFixture f = new UptakeFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static List<String> ids(List<SourceRef> refs) {
        return refs.stream().map(SourceRef::getId).toList();
    }

    @Test
    void anEditedNewsletterIssueReplacesItsFeatures() {
        f.register(MECHELEN, GENT);
        f.publish(issue("2020-03-04-nieuwsbrief", MARCH_2020,
                item("Nee is nee", false, featured(MECHELEN, "Mechelen"), featured(GENT, "Gent"))));
        assertThat(ids(f.latest(GENT).getFeaturedIn())).containsExactly("2020-03-04-nieuwsbrief");
        assertThat(f.latest(GENT).getSignals().get("NEWSLETTER_FEATURE").getPresent()).isTrue();
        f.uptake.readKeyValuesToMap();

        // the edit no longer names Gent, and corrects the text around Mechelen
        f.publish(issue("2020-03-04-nieuwsbrief", MARCH_2020, item("Intro", false), item("Nee is nee", false,
                new be.lokaalsignaal.avro.FeaturedMunicipality(MECHELEN, "Mechelen", "Mechelen: campagne Nee is nee"))));

        MunicipalityUptake gent = f.latest(GENT);
        assertThat(gent.getFeaturedIn()).isEmpty();
        assertThat(gent.getSignals().get("NEWSLETTER_FEATURE").getPresent()).isFalse();
        assertThat(gent.getSignals().get("NEWSLETTER_FEATURE").getEvidence()).isEmpty();
        MunicipalityUptake mechelen = f.latest(MECHELEN);
        assertThat(ids(mechelen.getFeaturedIn())).containsExactly("2020-03-04-nieuwsbrief");
        assertThat(mechelen.getSignals().get("NEWSLETTER_FEATURE").getEvidence())
                .extracting(be.lokaalsignaal.avro.Evidence::getSnippet).containsExactly("Mechelen: campagne Nee is nee");
        assertThat(f.uptake.readKeyValuesToMap()).containsOnlyKeys(GENT, MECHELEN);
    }

    @Test
    void anIdenticalReDeliveryChangesNothing() {
        f.register(MECHELEN, GENT);
        NewsletterIssue issue = issue("2021-03-03-nieuwsbrief", LocalDate.of(2021, 3, 3),
                item("Vermeld seksueelgeweld.be", true), item("Nee is nee", false, featured(MECHELEN, "Mechelen")));
        f.publish(issue);
        assertThat(f.signals.readValuesToList()).extracting(Signal::getKind).containsExactlyInAnyOrder("NEWSLETTER_FEATURE", "CALL");
        String before = f.latest(MECHELEN).toString();
        f.uptake.readKeyValuesToList();
        f.calls.readKeyValuesToList();
        f.summary.readKeyValuesToList();

        f.publish(NewsletterIssue.newBuilder(issue).build());

        assertThat(f.latest(MECHELEN).toString()).isEqualTo(before);
        assertThat(f.signals.isEmpty()).isTrue();
        assertThat(f.uptake.isEmpty()).isTrue();
        assertThat(f.calls.isEmpty()).isTrue();
        assertThat(f.summary.isEmpty()).isTrue();
    }

    @Test
    void learningNetworkPresentationsAreEventsThatStayFromTheSessionDate() {
        f.register(MECHELEN, GENT, ANTWERPEN);
        f.publish(LearningNetworkSession.newBuilder().setSessionId("2021-05-07-straatintimidatie")
                .setDate(LocalDate.of(2021, 5, 7)).setTitle("Grensoverschrijdend gedrag in de publieke ruimte")
                .setPresenters(List.of(GENT, MECHELEN, ANTWERPEN)).build());
        f.publish(LearningNetworkSession.newBuilder().setSessionId("2019-10-19-eerste-sessie")
                .setDate(LocalDate.of(2019, 10, 19)).setTitle("Eerste sessie").setPresenters(List.of(MECHELEN)).build());

        MunicipalityUptake mechelen = f.latest(MECHELEN);
        assertThat(ids(mechelen.getPresentedAt())).containsExactly("2019-10-19-eerste-sessie", "2021-05-07-straatintimidatie");
        assertThat(mechelen.getSignals().get("LEARNING_NETWORK").getFirstSeen()).isEqualTo(UptakeMath.startOf(LocalDate.of(2019, 10, 19)));
        assertThat(UptakeFixture.periods(mechelen.getSignals().get("LEARNING_NETWORK"))).hasSize(1);
        assertThat(f.latest(GENT).getSignals().get("LEARNING_NETWORK").getPresent()).isTrue();
        // as of a day before Gent presented, it had not
        assertThat(UptakeViews.asOf(f.latest(GENT), LocalDate.of(2021, 5, 6)).getSignals().get("LEARNING_NETWORK").getPresent()).isFalse();
        assertThat(UptakeViews.asOf(f.latest(GENT), LocalDate.of(2021, 5, 7)).getSignals().get("LEARNING_NETWORK").getPresent()).isTrue();
    }
}
