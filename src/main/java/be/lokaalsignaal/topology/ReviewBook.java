package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.ReviewMark;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.WebsitePage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reviews of one municipality as the topology keeps them (store {@code uptake-reviews}, JSON):
 * every review by id, with the content hash of the page it was made on and when that page's content
 * changed afterwards, and the latest content hash of every page of the municipality that showed a
 * signal, so that a review made without a hash is bound to the page as it was.
 */
final class ReviewBook {
    /** Reviews by id, in the order they arrived. */
    Map<String, Entry> reviews = new LinkedHashMap<>();
    /** URL to the content hash of the latest page at that URL that showed a signal or is reviewed. */
    Map<String, String> hashes = new HashMap<>();

    /** One review with what the pages said after it. */
    static final class Entry {
        String reviewId;
        String kind;
        String verdict;
        String url;
        String sourceId;
        String reviewer;
        long reviewedAt;
        String reason;
        Long date;
        String snippet;
        Long expiresOn;
        Long withdrawnAt;
        /** The page's content the review holds for; null while unknown. */
        String hash;
        /** When a page at the URL first showed other content after the review. */
        Long contentChangedAt;
    }

    /**
     * Takes in a review or a new version of it (a withdrawal). A review that says no content hash is
     * bound to the latest content seen at its URL.
     *
     * @return true when what the reviews decide may have changed
     */
    boolean put(Review review) {
        Entry before = reviews.get(review.getReviewId());
        Entry e = new Entry();
        e.reviewId = review.getReviewId();
        e.kind = review.getKind();
        e.verdict = review.getVerdict();
        e.url = review.getUrl();
        e.sourceId = review.getSourceId();
        e.reviewer = review.getReviewer();
        e.reviewedAt = review.getReviewedAt().toEpochMilli();
        e.reason = review.getReason();
        e.date = review.getDate() == null ? null : review.getDate().toEpochDay();
        e.snippet = review.getSnippet();
        e.expiresOn = review.getExpiresOn() == null ? null : review.getExpiresOn().toEpochDay();
        e.withdrawnAt = review.getWithdrawal() == null ? null : review.getWithdrawal().getWithdrawnAt().toEpochMilli();
        e.hash = review.getContentHash() != null ? review.getContentHash()
                : before != null ? before.hash : e.url == null ? null : hashes.get(e.url);
        e.contentChangedAt = before == null ? null : before.contentChangedAt;
        reviews.put(e.reviewId, e);
        return true;
    }

    /** What a page changed in the book. */
    enum Seen {
        /** Nothing: no content hash, or the same content as before at its URLs. */
        NOTHING,
        /** A content hash was noted or a review bound to it; what the reviews decide did not change. */
        NOTED,
        /** A review stopped holding because the page's content changed. */
        ENDED
    }

    /**
     * Takes in what a page showed: its content hash, and for reviews of its URL made before it, whether
     * its content changed since.
     */
    Seen see(WebsitePage page) {
        if (page.getContentHash() == null) {
            return Seen.NOTHING;
        }
        boolean noted = false;
        boolean ended = false;
        for (String url : urls(page)) {
            noted |= !page.getContentHash().equals(hashes.put(url, page.getContentHash()));
            for (Entry e : reviews.values()) {
                if (!url.equals(e.url) || e.contentChangedAt != null || page.getFetchedAt().toEpochMilli() <= e.reviewedAt) {
                    continue;
                }
                if (e.hash == null) {
                    // made on a page not seen before: it holds for the first content seen after it
                    e.hash = page.getContentHash();
                    noted = true;
                } else if (!e.hash.equals(page.getContentHash())) {
                    e.contentChangedAt = page.getFetchedAt().toEpochMilli();
                    ended = true;
                }
            }
        }
        return ended ? Seen.ENDED : noted ? Seen.NOTED : Seen.NOTHING;
    }

    private static List<String> urls(WebsitePage page) {
        List<String> urls = new ArrayList<>(2);
        urls.add(page.getFinalUrl());
        if (page.getUrl() != null && !page.getUrl().equals(page.getFinalUrl())) {
            urls.add(page.getUrl());
        }
        return urls;
    }

    /**
     * The own record with every signal's review marks and what they decide as of the record's time,
     * which becomes the latest of its facts and of the reviews.
     */
    MunicipalityUptake apply(MunicipalityUptake own) {
        if (reviews.isEmpty()) {
            return own;
        }
        Map<String, List<ReviewMark>> byKind = new HashMap<>();
        for (Entry e : reviews.values()) {
            byKind.computeIfAbsent(e.kind, k -> new ArrayList<>()).add(mark(e));
        }
        Map<String, SignalState> signals = new LinkedHashMap<>();
        for (Map.Entry<String, SignalState> s : own.getSignals().entrySet()) {
            List<ReviewMark> marks = byKind.getOrDefault(s.getKey(), List.of());
            SignalState state = SignalState.newBuilder(s.getValue()).build();
            state.setReviews(ReviewMarks.union(marks, List.of()));
            signals.put(s.getKey(), state);
        }
        MunicipalityUptake withMarks = MunicipalityUptake.newBuilder(own).setSignals(signals).build();
        Instant at = UptakeMath.max(own.getUpdatedAt(), ReviewMarks.latestEvent(withMarks));
        withMarks.setUpdatedAt(at);
        return ReviewMarks.decide(withMarks, at);
    }

    private static ReviewMark mark(Entry e) {
        Long until = e.withdrawnAt;
        String endedBy = until == null ? null : ReviewMarks.WITHDRAWN;
        if (e.contentChangedAt != null && (until == null || e.contentChangedAt < until)) {
            until = e.contentChangedAt;
            endedBy = ReviewMarks.CONTENT_CHANGED;
        }
        return ReviewMark.newBuilder()
                .setReviewId(e.reviewId)
                .setVerdict(e.verdict)
                .setUrl(e.url)
                .setSourceId(e.sourceId)
                .setReviewer(e.reviewer)
                .setReviewedAt(Instant.ofEpochMilli(e.reviewedAt))
                .setReason(e.reason)
                .setDate(e.date == null ? null : LocalDate.ofEpochDay(e.date))
                .setSnippet(e.snippet)
                .setExpiresOn(e.expiresOn == null ? null : LocalDate.ofEpochDay(e.expiresOn))
                .setUntil(until == null ? null : Instant.ofEpochMilli(until))
                .setEndedBy(endedBy)
                .build();
    }

    /** Forgets the content hashes of pages that no review is about and that no longer matter, keeping the book small. */
    void keepHashesOf(java.util.Set<String> evidenceUrls) {
        hashes.keySet().removeIf(url -> !evidenceUrls.contains(url) && reviews.values().stream().noneMatch(e -> Objects.equals(e.url, url)));
    }
}
