package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.Review;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.avro.WebsitePage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies the reviews of a municipality to its own record (per NIS code, before the union with
 * predecessors): a new own record, a review, or a page whose content changed under a review makes the
 * record go on with every signal's review marks and what they decide. The own record as the rules
 * made it is kept ({@code uptake-reviewed-own}), so that a review alone can republish it.
 */
final class ReviewProcessor implements FixedKeyProcessor<String, ReviewProcessor.In, MunicipalityUptake> {
    private FixedKeyProcessorContext<String, MunicipalityUptake> context;
    private KeyValueStore<String, ReviewBook> books;
    private KeyValueStore<String, MunicipalityUptake> owns;
    /*
     * The books this task last read or wrote, parsed: a page with a match would otherwise parse its
     * municipality's book again. The store stays the truth: every change is put; the map is emptied
     * whenever the task is initialized and loses a municipality's entry when its record fails.
     */
    private final Map<String, Optional<ReviewBook>> parsed = new HashMap<>();

    /** One input: an own record, a review or a page with a match. */
    static final class In {
        final MunicipalityUptake own;
        final Review review;
        final WebsitePage page;

        private In(MunicipalityUptake own, Review review, WebsitePage page) {
            this.own = own;
            this.review = review;
            this.page = page;
        }

        static In own(MunicipalityUptake own) {
            return new In(own, null, null);
        }

        static In review(Review review) {
            return new In(null, review, null);
        }

        static In page(WebsitePage page) {
            return new In(null, null, page);
        }
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MunicipalityUptake> context) {
        this.context = context;
        this.books = context.getStateStore(UptakeTopology.REVIEW_BOOK_STORE);
        this.owns = context.getStateStore(UptakeTopology.REVIEWED_OWN_STORE);
        parsed.clear();
    }

    @Override
    public void process(FixedKeyRecord<String, In> record) {
        String nis = record.key();
        In in = record.value();
        if (nis == null || in == null) {
            return;
        }
        try {
            process(record, nis, in);
        } catch (RuntimeException e) {
            parsed.remove(nis);
            throw e;
        }
    }

    private void process(FixedKeyRecord<String, In> record, String nis, In in) {
        ReviewBook book = book(nis);
        MunicipalityUptake own;
        if (in.own != null) {
            own = in.own;
            owns.put(nis, own);
            if (book != null && !book.hashes.isEmpty()) {
                book.keepHashesOf(evidenceUrls(own));
                putBook(nis, book);
            }
        } else if (in.review != null) {
            book = book == null ? new ReviewBook() : book;
            book.put(in.review);
            putBook(nis, book);
            own = owns.get(nis);
        } else if (in.page != null) {
            book = book == null ? new ReviewBook() : book;
            ReviewBook.Seen seen = book.see(in.page);
            if (seen != ReviewBook.Seen.NOTHING) {
                putBook(nis, book);
            }
            if (seen != ReviewBook.Seen.ENDED) {
                return;
            }
            own = owns.get(nis);
        } else {
            return;
        }
        if (own == null) {
            // the rules have not published the municipality yet: its record carries the reviews when they do
            return;
        }
        MunicipalityUptake out = book == null ? own : book.apply(own);
        context.forward(record.withValue(out).withTimestamp(Math.max(record.timestamp(), out.getUpdatedAt().toEpochMilli())));
    }

    private ReviewBook book(String nis) {
        return parsed.computeIfAbsent(nis, k -> Optional.ofNullable(books.get(k))).orElse(null);
    }

    private void putBook(String nis, ReviewBook book) {
        books.put(nis, book);
        parsed.put(nis, Optional.of(book));
    }

    private static Set<String> evidenceUrls(MunicipalityUptake r) {
        Set<String> urls = new HashSet<>();
        for (SignalState s : r.getSignals().values()) {
            for (Evidence e : s.getEvidence()) {
                if (e.getUrl() != null) {
                    urls.add(e.getUrl());
                }
            }
        }
        return urls;
    }
}
