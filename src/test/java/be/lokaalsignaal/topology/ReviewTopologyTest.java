package be.lokaalsignaal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.ReviewMark;
import be.lokaalsignaal.avro.ReviewWithdrawal;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.avro.WebsitePage;
import be.lokaalsignaal.topics.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Reviews applied by the topology: what a rejected, confirmed, added or withdrawn review does to the
 * municipality's record, to the totals and to views as of a date.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReviewTopologyTest {
    private static final String GENT = "44021";
    private static final String MECHELEN = "12025";
    private static final String POLICE_PAGE = "https://stad.gent/nieuws/politiezone-deelt-hulplijnen";
    private static final String HELP_PAGE = "https://stad.gent/hulp";
    private static final Instant JAN = Instant.parse("2021-01-10T08:00:00Z");
    private static final Instant FEB = Instant.parse("2021-02-15T10:00:00Z");
    private static final Instant APR = Instant.parse("2021-04-10T08:00:00Z");
    private static final Instant JUL = Instant.parse("2021-07-10T08:00:00Z");

    private final UptakeFixture f = new UptakeFixture();
    private final TestInputTopic<String, Review> reviews = f.driver.createInputTopic(Topics.REVIEWS.topicName(), new StringSerializer(),
            f.serdes.value(Topics.REVIEWS).serializer());
    private int reviewNumber;

    @AfterEach
    void close() {
        f.close();
    }

    /** A scan of Gent in which the police page shows the link with the given content. */
    private void scanWithPolicePage(String scanId, Instant start, String contentHash) {
        f.started(GENT, scanId, start);
        page(GENT, scanId, POLICE_PAGE, start.plusSeconds(60), contentHash, "SITE_LINK");
        page(GENT, scanId, "https://stad.gent/", start.plusSeconds(120), "home-" + scanId);
        f.completed(GENT, scanId, start, start.plusSeconds(3600), 2);
    }

    private void page(String nis, String scanId, String url, Instant fetchedAt, String contentHash, String... kinds) {
        List<RuleMatch> matches = new ArrayList<>();
        for (String kind : kinds) {
            matches.add(RuleMatch.newBuilder().setKind(kind).setRule(kind.toLowerCase() + "-rule")
                    .setSnippet("Slachtoffer? Surf naar www.seksueelgeweld.be").build());
        }
        f.pages.pipeInput(nis, WebsitePage.newBuilder().setScanId(scanId).setNisCode(nis).setUrl(url).setFinalUrl(url)
                .setFetchedAt(fetchedAt).setHttpStatus(200).setContentHash(contentHash).setMatches(matches).build(), fetchedAt);
    }

    private Review review(String nis, String kind, String verdict, String url, Instant at, String reason) {
        return Review.newBuilder().setReviewId("00000000-0000-0000-0000-00000000000" + (++reviewNumber)).setNisCode(nis).setKind(kind)
                .setVerdict(verdict).setUrl(url).setReason(reason).setReviewer("an.peeters").setReviewedAt(at).build();
    }

    private Review publish(Review review) {
        Instant at = review.getWithdrawal() == null ? review.getReviewedAt() : review.getWithdrawal().getWithdrawnAt();
        reviews.pipeInput(review.getReviewId(), review, at);
        return review;
    }

    private SignalState link(String nis) {
        return f.latest(nis).getSignals().get("SITE_LINK");
    }

    private final Map<String, UptakeSummary> summaries = new java.util.HashMap<>();

    /** The latest FLANDERS total on the uptake-summary topic. */
    private UptakeSummary flanders() {
        summaries.putAll(f.summary.readKeyValuesToMap());
        return summaries.get(UptakeViews.FLANDERS);
    }

    private static SignalState asOf(MunicipalityUptake r, String day) {
        return UptakeViews.asOf(r, LocalDate.parse(day)).getSignals().get("SITE_LINK");
    }

    @Test
    void a_rejected_finding_drops_out_of_the_municipality_and_the_totals() {
        f.register(GENT);
        scanWithPolicePage("s1", JAN, "aaaa");
        assertThat(flanders().getShown()).containsEntry("SITE_LINK", 1);

        publish(review(GENT, "SITE_LINK", "REJECTED", POLICE_PAGE, FEB, "Een bericht van de politiezone, geen verwijzing van de stad."));

        SignalState link = link(GENT);
        assertThat(link.getPresent()).as("the rules still find it").isTrue();
        assertThat(link.getReviewed()).isEqualTo("REJECTED");
        assertThat(link.getReviewedBy()).isEqualTo("an.peeters");
        assertThat(link.getReviewedAt()).isEqualTo(FEB);
        assertThat(ReviewMarks.counts(link)).isFalse();
        UptakeSummary totals = flanders();
        assertThat(totals.getCounts()).containsEntry("SITE_LINK", 1);
        assertThat(totals.getRejected()).containsEntry("SITE_LINK", 1);
        assertThat(totals.getShown()).containsEntry("SITE_LINK", 0);
        assertThat(f.uptakeTopic().get(GENT).getSignals().get("SITE_LINK").getReviewed()).isEqualTo("REJECTED");
    }

    @Test
    void a_rejection_holds_across_rescans_of_the_same_content_and_ends_when_the_page_changes() {
        f.register(GENT);
        scanWithPolicePage("s1", JAN, "aaaa");
        publish(review(GENT, "SITE_LINK", "REJECTED", POLICE_PAGE, FEB, "Bericht van de politiezone."));

        scanWithPolicePage("s2", APR, "aaaa");
        assertThat(link(GENT).getReviewed()).isEqualTo("REJECTED");
        assertThat(flanders().getShown()).containsEntry("SITE_LINK", 0);

        scanWithPolicePage("s3", JUL, "bbbb");

        SignalState link = link(GENT);
        assertThat(link.getReviewed()).isEqualTo("NONE");
        assertThat(ReviewMarks.counts(link)).isTrue();
        assertThat(link.getReviews()).singleElement().satisfies(m -> {
            assertThat(m.getEndedBy()).isEqualTo("CONTENT_CHANGED");
            assertThat(m.getUntil()).isEqualTo(JUL.plusSeconds(60));
        });
        assertThat(flanders().getRejected()).containsEntry("SITE_LINK", 0);
        assertThat(flanders().getShown()).containsEntry("SITE_LINK", 1);
        // the view of May still applies the rejection: the page changed only in July
        assertThat(asOf(f.latest(GENT), "2021-05-01").getReviewed()).isEqualTo("REJECTED");
    }

    @Test
    void a_review_made_before_the_page_was_seen_again_is_bound_to_the_content_it_was_made_on() {
        f.register(GENT);
        scanWithPolicePage("s1", JAN, "aaaa");
        publish(review(GENT, "SITE_LINK", "REJECTED", POLICE_PAGE, FEB, "Bericht van de politiezone."));

        scanWithPolicePage("s2", APR, "cccc");

        assertThat(link(GENT).getReviewed()).isEqualTo("NONE");
    }

    @Test
    void a_rejection_of_one_page_leaves_the_signal_counting_while_another_page_shows_it() {
        f.register(GENT);
        f.started(GENT, "s1", JAN);
        page(GENT, "s1", POLICE_PAGE, JAN.plusSeconds(60), "aaaa", "SITE_LINK");
        page(GENT, "s1", HELP_PAGE, JAN.plusSeconds(120), "dddd", "SITE_LINK");
        f.completed(GENT, "s1", JAN, JAN.plusSeconds(3600), 2);

        publish(review(GENT, "SITE_LINK", "REJECTED", POLICE_PAGE, FEB, "Bericht van de politiezone."));

        assertThat(link(GENT).getReviewed()).isEqualTo("NONE");
        assertThat(flanders().getShown()).containsEntry("SITE_LINK", 1);

        publish(review(GENT, "SITE_LINK", "CONFIRMED", HELP_PAGE, FEB.plusSeconds(60), null));

        assertThat(link(GENT).getReviewed()).isEqualTo("CONFIRMED");
        assertThat(flanders().getConfirmed()).containsEntry("SITE_LINK", 1);
        assertThat(flanders().getShown()).containsEntry("SITE_LINK", 1);
    }

    @Test
    void an_added_finding_counts_from_its_date_once_it_is_made() {
        f.register(MECHELEN);
        f.fullScan(MECHELEN, "s1", JAN, 2);
        Review added = Review.newBuilder(review(MECHELEN, "NIGHTLIFE", "ADDED", "https://www.mechelen.be/veilig-uitgaan", APR,
                "Charter veilig uitgaan: de regels zien het woord uitgaansleven niet.")).setDate(LocalDate.of(2021, 3, 1)).build();

        publish(added);

        SignalState nightlife = f.latest(MECHELEN).getSignals().get("NIGHTLIFE");
        assertThat(nightlife.getPresent()).isFalse();
        assertThat(nightlife.getReviewed()).isEqualTo("ADDED");
        assertThat(ReviewMarks.counts(nightlife)).isTrue();
        assertThat(flanders().getCounts()).containsEntry("NIGHTLIFE", 0);
        assertThat(flanders().getAdded()).containsEntry("NIGHTLIFE", 1);
        assertThat(flanders().getShown()).containsEntry("NIGHTLIFE", 1);
        MunicipalityUptake record = f.latest(MECHELEN);
        assertThat(UptakeViews.asOf(record, LocalDate.of(2021, 2, 28)).getSignals().get("NIGHTLIFE").getReviewed())
                .as("before its date").isEqualTo("NONE");
        assertThat(UptakeViews.asOf(record, LocalDate.of(2021, 3, 20)).getSignals().get("NIGHTLIFE").getReviewed())
                .as("after its date, before it was made: not known then").isEqualTo("NONE");
        assertThat(UptakeViews.asOf(record, LocalDate.of(2021, 4, 10)).getSignals().get("NIGHTLIFE").getReviewed())
                .as("from the day it was made").isEqualTo("ADDED");
    }

    @Test
    void views_as_of_a_date_before_a_review_show_what_was_known_then() {
        f.register(GENT);
        scanWithPolicePage("s1", JAN, "aaaa");
        publish(review(GENT, "SITE_LINK", "REJECTED", POLICE_PAGE, FEB, "Bericht van de politiezone."));
        MunicipalityUptake record = f.latest(GENT);

        assertThat(asOf(record, "2021-02-14").getReviewed()).isEqualTo("NONE");
        assertThat(asOf(record, "2021-02-14").getReviews()).isEmpty();
        assertThat(ReviewMarks.counts(asOf(record, "2021-02-14"))).isTrue();
        assertThat(asOf(record, "2021-02-15").getReviewed()).isEqualTo("REJECTED");
        // the versioned history agrees: the record known just before the review was not reviewed
        assertThat(f.history().get(GENT, FEB.minusSeconds(1).toEpochMilli()).value().getSignals().get("SITE_LINK").getReviewed())
                .isEqualTo("NONE");
        assertThat(f.history().get(GENT, FEB.toEpochMilli()).value().getSignals().get("SITE_LINK").getReviewed()).isEqualTo("REJECTED");
        assertThat(UptakeViews.summarize(List.of(UptakeViews.asOf(record, LocalDate.parse("2021-02-14")))).get(UptakeViews.FLANDERS).getShown())
                .containsEntry("SITE_LINK", 1);
        assertThat(UptakeViews.summarize(List.of(UptakeViews.asOf(record, LocalDate.parse("2021-03-01")))).get(UptakeViews.FLANDERS).getShown())
                .containsEntry("SITE_LINK", 0);
    }

    @Test
    void withdrawing_a_review_makes_the_finding_count_again_and_keeps_the_review_in_its_history() {
        f.register(GENT);
        scanWithPolicePage("s1", JAN, "aaaa");
        Review rejection = publish(review(GENT, "SITE_LINK", "REJECTED", POLICE_PAGE, FEB, "Bericht van de politiezone."));
        Instant withdrawnAt = Instant.parse("2021-03-01T09:00:00Z");

        publish(Review.newBuilder(rejection).setWithdrawal(new ReviewWithdrawal("bart.claes", withdrawnAt, "De stad linkt zelf naar dit bericht.")).build());

        SignalState link = link(GENT);
        assertThat(link.getReviewed()).isEqualTo("NONE");
        assertThat(ReviewMarks.counts(link)).isTrue();
        ReviewMark mark = link.getReviews().get(0);
        assertThat(mark.getEndedBy()).isEqualTo("WITHDRAWN");
        assertThat(mark.getUntil()).isEqualTo(withdrawnAt);
        assertThat(mark.getReason()).isEqualTo("Bericht van de politiezone.");
        assertThat(flanders().getShown()).containsEntry("SITE_LINK", 1);
        assertThat(asOf(f.latest(GENT), "2021-02-20").getReviewed()).as("between the review and its withdrawal").isEqualTo("REJECTED");
    }

    @Test
    void an_expired_review_no_longer_decides_a_view_after_its_last_day() {
        f.register(GENT);
        scanWithPolicePage("s1", JAN, "aaaa");
        publish(Review.newBuilder(review(GENT, "SITE_LINK", "CONFIRMED", POLICE_PAGE, FEB, null)).setExpiresOn(LocalDate.of(2021, 6, 30)).build());

        MunicipalityUptake record = f.latest(GENT);

        assertThat(asOf(record, "2021-06-30").getReviewed()).isEqualTo("CONFIRMED");
        assertThat(asOf(record, "2021-07-01").getReviewed()).isEqualTo("NONE");
    }

    @Test
    void a_review_that_arrives_before_the_rules_publish_the_municipality_is_applied_when_they_do() {
        publish(review(GENT, "SITE_LINK", "REJECTED", POLICE_PAGE, FEB, "Bericht van de politiezone."));

        f.register(GENT);
        scanWithPolicePage("s1", Instant.parse("2021-02-01T08:00:00Z"), "aaaa");

        assertThat(link(GENT).getReviewed()).isEqualTo("REJECTED");
    }
}
