package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.ReviewWithdrawal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reviews as the API shows them: the fields of the {@code Review} schema and a {@code status} that
 * says whether the review still decides its finding: {@code HOLDS}, {@code WITHDRAWN},
 * {@code EXPIRED} or {@code REPLACED} (a later review of the same finding holds instead). A review
 * of a page also stops deciding once the page's content changes; the municipality's record says so.
 */
final class ReviewViews {
    static final List<String> CSV_HEADER = List.of("reviewId", "status", "nisCode", "kind", "verdict", "url", "sourceId", "contentHash",
            "date", "snippet", "reason", "reviewer", "reviewedAt", "expiresOn", "withdrawnBy", "withdrawnAt", "withdrawalReason");

    private ReviewViews() {}

    /** What a review is about: the municipality, the kind and the page or source. */
    static String finding(Review r) {
        return r.getNisCode() + "\u0000" + r.getKind() + "\u0000" + (r.getUrl() != null ? r.getUrl() : r.getSourceId());
    }

    /**
     * The status of each review among all of them, given newest first: the first review of a finding
     * in that order that is neither withdrawn nor expired decides it.
     */
    static Map<String, String> statuses(List<Review> newestFirst, LocalDate today) {
        List<Review> all = newestFirst;
        Map<String, Review> deciding = new HashMap<>();
        for (Review r : all) {
            if (r.getWithdrawal() == null && !expired(r, today)) {
                deciding.putIfAbsent(finding(r), r);
            }
        }
        Map<String, String> statuses = new HashMap<>();
        for (Review r : all) {
            String status;
            if (r.getWithdrawal() != null) {
                status = "WITHDRAWN";
            } else if (expired(r, today)) {
                status = "EXPIRED";
            } else {
                status = deciding.get(finding(r)) == r ? "HOLDS" : "REPLACED";
            }
            statuses.put(r.getReviewId(), status);
        }
        return statuses;
    }

    private static boolean expired(Review r, LocalDate today) {
        return r.getExpiresOn() != null && r.getExpiresOn().isBefore(today);
    }

    static Map<String, Object> review(Review r, String status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reviewId", r.getReviewId());
        out.put("status", status);
        out.put("nisCode", r.getNisCode());
        out.put("kind", r.getKind());
        out.put("verdict", r.getVerdict());
        out.put("url", r.getUrl());
        out.put("sourceId", r.getSourceId());
        out.put("contentHash", r.getContentHash());
        out.put("date", r.getDate());
        out.put("snippet", r.getSnippet());
        out.put("reason", r.getReason());
        out.put("reviewer", r.getReviewer());
        out.put("reviewedAt", r.getReviewedAt());
        out.put("expiresOn", r.getExpiresOn());
        ReviewWithdrawal w = r.getWithdrawal();
        out.put("withdrawal", w == null ? null : withdrawal(w));
        return out;
    }

    private static Map<String, Object> withdrawal(ReviewWithdrawal w) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("withdrawnBy", w.getWithdrawnBy());
        out.put("withdrawnAt", w.getWithdrawnAt());
        out.put("reason", w.getReason());
        return out;
    }

    static List<Object> csvRow(Review r, String status) {
        ReviewWithdrawal w = r.getWithdrawal();
        List<Object> row = new ArrayList<>(List.of(r.getReviewId(), status, r.getNisCode(), r.getKind(), r.getVerdict()));
        row.add(r.getUrl());
        row.add(r.getSourceId());
        row.add(r.getContentHash());
        row.add(r.getDate());
        row.add(r.getSnippet());
        row.add(r.getReason());
        row.add(r.getReviewer());
        row.add(r.getReviewedAt());
        row.add(r.getExpiresOn());
        row.add(w == null ? null : w.getWithdrawnBy());
        row.add(w == null ? null : w.getWithdrawnAt());
        row.add(w == null ? null : w.getReason());
        return row;
    }
}
