package be.lokaalsignaal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.WebsitePage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a page tells the reviews of its municipality, and when the book has to be written again. */
class ReviewBookTest {
    private static final String URL = "https://www.lokeren.be/veiligheid";
    private static final Instant REVIEWED = Instant.parse("2025-03-01T10:00:00Z");

    private static WebsitePage page(String hash, Instant fetchedAt) {
        return WebsitePage.newBuilder().setScanId("s").setNisCode("46014").setUrl(URL).setFinalUrl(URL)
                .setFetchedAt(fetchedAt).setHttpStatus(200).setContentHash(hash).setMatches(List.of()).build();
    }

    private static Review rejection() {
        return Review.newBuilder().setReviewId("r1").setNisCode("46014").setKind("SAFETY_PLAN").setVerdict("REJECTED")
                .setUrl(URL).setReviewer("an").setReviewedAt(REVIEWED).setReason("plan van een school").build();
    }

    @Test
    void a_page_seen_again_with_the_same_content_changes_nothing_so_the_book_is_not_rewritten() {
        ReviewBook book = new ReviewBook();
        assertThat(book.see(page("aa", REVIEWED.minusSeconds(60)))).isEqualTo(ReviewBook.Seen.NOTED);
        book.put(rejection());

        assertThat(book.see(page("aa", REVIEWED.plusSeconds(60)))).isEqualTo(ReviewBook.Seen.NOTHING);
        assertThat(book.see(page(null, REVIEWED.plusSeconds(90)))).isEqualTo(ReviewBook.Seen.NOTHING);
    }

    @Test
    void new_content_under_a_review_ends_it_and_new_content_elsewhere_is_only_noted() {
        ReviewBook book = new ReviewBook();
        book.see(page("aa", REVIEWED.minusSeconds(60)));
        book.put(rejection());

        assertThat(book.see(page("bb", REVIEWED.plusSeconds(60)))).isEqualTo(ReviewBook.Seen.ENDED);
        assertThat(book.see(page("cc", REVIEWED.plusSeconds(120)))).isEqualTo(ReviewBook.Seen.NOTED);
    }
}
