package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.SourceRef;
import be.lokaalsignaal.topics.SignalKind;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/reviews}, checked field by field against what is known: the
 * municipality must exist, the kind must be one of the seven, a confirmed or rejected finding must be
 * one the municipality's record shows (a page among the kind's evidence, an issue it was featured in,
 * a session it presented at), and an added one must not be a finding already. Every refusal is a 400
 * naming the field.
 */
final class ReviewInput {
    enum Verdict { CONFIRMED, REJECTED, ADDED }

    static final Set<String> FIELDS = Set.of("reviewId", "nisCode", "kind", "verdict", "url", "sourceId", "contentHash", "date",
            "snippet", "reason", "expiresOn");
    static final int MAX_REASON = 2000;
    static final int MAX_SNIPPET = 300;
    static final int MAX_URL = 2000;
    /** Nothing before the policy's monitoring starts: the register's first day. */
    static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);
    private static final Pattern NIS = Pattern.compile("\\d{5}");
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ReviewInput() {}

    /**
     * The review the body describes, by the reviewer at the time given.
     *
     * @throws StoreUnavailableException when the municipality cannot be looked up right now
     */
    static Review read(String body, UptakeSource source, String reviewer, Instant now, LocalDate today) throws StoreUnavailableException {
        JsonBody json = JsonBody.parse(body, FIELDS);
        String reviewId = json.text("reviewId", false, 36);
        if (reviewId != null && !UUID_TEXT.matcher(reviewId).matches()) {
            throw ApiException.badRequest("field 'reviewId': '" + reviewId + "' is not a UUID (8-4-4-4-12 hexadecimal digits)");
        }
        String nis = json.text("nisCode", true, 5);
        if (!NIS.matcher(nis).matches()) {
            throw ApiException.badRequest("field 'nisCode': '" + nis + "' is malformed; expected 5 digits");
        }
        SignalKind kind = kind(json.text("kind", true, 40));
        Verdict verdict = verdict(json.text("verdict", true, 40));
        String reason = json.text("reason", verdict != Verdict.CONFIRMED, MAX_REASON);
        String contentHash = json.text("contentHash", false, 64);
        if (contentHash != null && !HASH.matcher(contentHash).matches()) {
            throw ApiException.badRequest("field 'contentHash' must be a SHA-256 in hexadecimal (64 digits)");
        }
        LocalDate date = json.date("date");
        String snippet = json.text("snippet", false, MAX_SNIPPET);
        LocalDate expiresOn = json.date("expiresOn");
        if (expiresOn != null && !expiresOn.isAfter(today)) {
            throw ApiException.badRequest("field 'expiresOn': " + expiresOn + " is not after today (" + today + ")");
        }
        String url = kind.fromWebsite() ? url(json.text("url", true, MAX_URL)) : forbidden(json, "url", kind + " is reviewed by 'sourceId'");
        String sourceId = kind.fromWebsite() ? forbidden(json, "sourceId", kind + " is reviewed by 'url'") : json.text("sourceId", true, 200);
        if (verdict == Verdict.ADDED) {
            if (date == null) {
                throw ApiException.badRequest("field 'date' is required for ADDED: the day from which the signal counts");
            }
            if (date.isAfter(today) || date.isBefore(EARLIEST)) {
                throw ApiException.badRequest("field 'date': " + date + " lies outside " + EARLIEST + " to today (" + today + ")");
            }
        } else {
            forbidden(json, "date", "only an ADDED signal has a date");
            forbidden(json, "snippet", "only an ADDED signal has a snippet; a finding has its own");
        }
        if (!kind.fromWebsite()) {
            forbidden(json, "contentHash", "only a web page has a content hash");
        }

        MunicipalityUptake m = source.municipality(nis, null)
                .orElseThrow(() -> ApiException.badRequest("field 'nisCode': no municipality with NIS code " + nis));
        if (verdict == Verdict.ADDED) {
            checkAdded(m, kind, url, sourceId, date, source);
        } else {
            checkFinding(m, kind, url, sourceId);
        }
        return Review.newBuilder()
                .setReviewId(reviewId == null ? UUID.randomUUID().toString() : reviewId.toLowerCase(Locale.ROOT))
                .setNisCode(nis)
                .setKind(kind.name())
                .setVerdict(verdict.name())
                .setUrl(url)
                .setSourceId(sourceId)
                .setContentHash(contentHash == null ? null : contentHash.toLowerCase(Locale.ROOT))
                .setDate(date)
                .setSnippet(snippet)
                .setReason(reason)
                .setReviewer(reviewer)
                .setReviewedAt(now)
                .setExpiresOn(expiresOn)
                .setWithdrawal(null)
                .build();
    }

    private static SignalKind kind(String value) {
        for (SignalKind k : SignalKind.values()) {
            if (k.name().equalsIgnoreCase(value)) {
                return k;
            }
        }
        throw ApiException.badRequest("field 'kind': unknown signal kind '" + value + "'; expected one of " + Arrays.toString(SignalKind.values()));
    }

    private static Verdict verdict(String value) {
        for (Verdict v : Verdict.values()) {
            if (v.name().equalsIgnoreCase(value)) {
                return v;
            }
        }
        throw ApiException.badRequest("field 'verdict': unknown verdict '" + value + "'; expected one of " + Arrays.toString(Verdict.values()));
    }

    private static String forbidden(JsonBody json, String field, String why) {
        if (json.has(field)) {
            throw ApiException.badRequest("field '" + field + "' does not apply here: " + why);
        }
        return null;
    }

    private static String url(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest("field 'url': '" + value + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ApiException.badRequest("field 'url': '" + value + "' is not an absolute http or https URL");
        }
        return value;
    }

    /** A confirmed or rejected finding must be one the record shows. */
    private static void checkFinding(MunicipalityUptake m, SignalKind kind, String url, String sourceId) {
        String who = m.getNisCode() + " " + m.getName();
        switch (kind) {
            case NEWSLETTER_FEATURE -> {
                if (!refs(m.getFeaturedIn()).contains(sourceId)) {
                    throw ApiException.badRequest("field 'sourceId': newsletter issue '" + sourceId + "' did not feature " + who
                            + "; known: " + refs(m.getFeaturedIn()));
                }
            }
            case LEARNING_NETWORK -> {
                if (!refs(m.getPresentedAt()).contains(sourceId)) {
                    throw ApiException.badRequest("field 'sourceId': " + who + " did not present at learning-network session '" + sourceId
                            + "'; known: " + refs(m.getPresentedAt()));
                }
            }
            default -> {
                if (!evidenceUrls(m, kind).contains(url)) {
                    throw ApiException.badRequest("field 'url': '" + url + "' is not evidence of " + kind + " for " + who
                            + "; a finding is reviewed by one of its evidence URLs (GET /api/municipalities/" + m.getNisCode() + ")");
                }
            }
        }
    }

    /** An added signal must be one the rules did not find, of a known source for the event kinds, while the municipality existed. */
    private static void checkAdded(MunicipalityUptake m, SignalKind kind, String url, String sourceId, LocalDate date, UptakeSource source)
            throws StoreUnavailableException {
        String who = m.getNisCode() + " " + m.getName();
        if ((m.getValidFrom() != null && date.isBefore(m.getValidFrom())) || (m.getValidUntil() != null && date.isAfter(m.getValidUntil()))) {
            throw ApiException.badRequest("field 'date': " + who + " does not exist on " + date + " (from "
                    + Objects.toString(m.getValidFrom(), "before 2019") + " until " + Objects.toString(m.getValidUntil(), "now") + ")");
        }
        switch (kind) {
            case NEWSLETTER_FEATURE -> {
                if (source.newsletterIssues().stream().map(NewsletterIssue::getIssueId).noneMatch(sourceId::equals)) {
                    throw ApiException.badRequest("field 'sourceId': no newsletter issue '" + sourceId + "' is known");
                }
                if (refs(m.getFeaturedIn()).contains(sourceId)) {
                    throw ApiException.badRequest("field 'sourceId': issue '" + sourceId + "' is already a finding for " + who + "; confirm it instead");
                }
            }
            case LEARNING_NETWORK -> {
                if (source.sessions().stream().map(LearningNetworkSession::getSessionId).noneMatch(sourceId::equals)) {
                    throw ApiException.badRequest("field 'sourceId': no learning-network session '" + sourceId + "' is known");
                }
                if (refs(m.getPresentedAt()).contains(sourceId)) {
                    throw ApiException.badRequest("field 'sourceId': session '" + sourceId + "' is already a finding for " + who + "; confirm it instead");
                }
            }
            default -> {
                if (evidenceUrls(m, kind).contains(url)) {
                    throw ApiException.badRequest("field 'url': '" + url + "' is already a finding of " + kind + " for " + who + "; confirm it instead");
                }
            }
        }
    }

    private static List<String> refs(List<SourceRef> refs) {
        return refs.stream().map(SourceRef::getId).toList();
    }

    private static List<String> evidenceUrls(MunicipalityUptake m, SignalKind kind) {
        SignalState state = m.getSignals().get(kind.name());
        return state == null ? List.of() : state.getEvidence().stream().map(Evidence::getUrl).filter(Objects::nonNull).toList();
    }
}
