package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.reader.Lexicon;
import be.lokaalsignaal.scan.reader.PageTerms;
import be.lokaalsignaal.scan.reader.Passages;
import be.lokaalsignaal.scan.reader.ReaderModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A reader's word on its kind, after the rules: their matches stay, with the reader's score and words beside their
 * own evidence, where it agrees or scores the page at least what confirms a rule's match; they go where it does not;
 * where it finds the kind and no rule did, on a page that names what it requires and whose title or URL holds none of
 * what it is kept from, its own match stands with the paragraph its words weigh most in. A page too short or too
 * long for the reader to judge (a line or two, a report of fifty pages: it learned from none such), or not in Dutch,
 * is left to the rules. Where the catalogue gives it passages, a rule's match it would take away stands if it scores
 * the page's best passage high enough (the minutes' one item on the zone's plan).
 */
final class ReaderVerdict {

    private ReaderVerdict() {
    }

    static void decide(SignalCatalogue.Reader reader, Lexicon.Cut cut, PageContent content, Set<String> selfNames,
                       PageIndex index, List<RuleMatch> matches) {
        ReaderModel model = reader.model();
        ReaderModel.Reading reading = model.read(cut);
        String kind = model.kind().name();
        if (!reading.judges()) {
            return;
        }
        Optional<Passages.Passage> passage = Optional.empty();
        if (overrules(reader, reading)) {
            passage = heldByPassage(reader, content, selfNames);
            if (passage.isEmpty()) {
                matches.removeIf(m -> m.getKind().equals(kind));
                return;
            }
        }
        String score = String.format(Locale.ROOT, "score %.2f, threshold %.2f", reading.score(), model.threshold())
                + (model.shows(reading.score()) ? ""
                : String.format(Locale.ROOT, " (a rule's match stands from %.2f)", reader.confirmsFrom()));
        MatchedPhrase said = passage.map(p -> SignalCatalogue.phrase("reader", score + String.format(Locale.ROOT,
                        "; a passage of %d words, paragraphs %d to %d, scored %.2f", p.reading().words(),
                        p.first() + 1, p.last() + 1, p.reading().score()), strongestWords(p.reading())))
                .orElseGet(() -> SignalCatalogue.phrase("reader", score, strongestWords(reading)));
        boolean ruled = false;
        for (int i = 0; i < matches.size(); i++) {
            RuleMatch m = matches.get(i);
            if (m.getKind().equals(kind)) {
                List<MatchedPhrase> phrases = new ArrayList<>(m.getPhrases());
                phrases.add(said);
                matches.set(i, RuleMatch.newBuilder(m).setPhrases(phrases).build());
                ruled = true;
            }
        }
        if (!ruled && reading.score() >= reader.addsFrom() && mayAdd(reader, index)) {
            // the paragraphs' own terms only here: the reader alone finds a kind on few pages
            int p = model.weightiest(PageTerms.of(content, selfNames).perParagraph());
            String text = p < 0 ? (content.title() == null ? "" : content.title()) : content.paragraphBlocks().get(p);
            matches.add(SignalCatalogue.match(model.kind(), reader.id(),
                    SignalCatalogue.snippet(text, 0, Math.min(text.length(), SignalCatalogue.MAX_SNIPPET)),
                    List.of(said)));
        }
    }

    /**
     * Where the reader scores the page too low for the rules' matches to stand, the passage that keeps them: one of as
     * many words as the catalogue gives it, scored from the score the reader confirms from. None where it reads no
     * passages or the page is too short to have any.
     */
    static Optional<Passages.Passage> heldByPassage(SignalCatalogue.Reader reader, PageContent content,
                                                    Set<String> selfNames) {
        return bestPassage(reader, content, selfNames).filter(p -> keeps(reader, p));
    }

    /** Whether the passage scores high enough for the rules' matches to stand: the score the reader confirms from. */
    private static boolean keeps(SignalCatalogue.Reader reader, Passages.Passage passage) {
        return passage.reading().score() >= reader.confirmsFrom();
    }

    /** The page's best passage of the reader's length, scored; none where it reads no passages or the page is short. */
    private static Optional<Passages.Passage> bestPassage(SignalCatalogue.Reader reader, PageContent content,
                                                          Set<String> selfNames) {
        if (reader.passage() == 0) {
            return Optional.empty();
        }
        return Passages.best(reader.model(), Passages.Page.of(content, selfNames), reader.passage());
    }

    /**
     * Whether the reader may add its kind on the page, its score aside: the page names one of what it requires and
     * its title or URL holds none of what it is kept from.
     */
    static boolean mayAdd(SignalCatalogue.Reader reader, PageIndex index) {
        return names(index, reader.requires()) && inTitleOrUrl(index, reader.notTitleOrUrl()) == null;
    }

    /**
     * Whether what the reader says can change the page's matches: only where the rules found its kind (it may take
     * that away) or where the page names what it requires (it may add the kind).
     */
    static boolean hasWork(SignalCatalogue.Reader reader, PageIndex index, List<RuleMatch> matches) {
        String kind = reader.model().kind().name();
        for (RuleMatch m : matches) {
            if (m.getKind().equals(kind)) {
                return true;
            }
        }
        return reader.adds() && names(index, reader.requires());
    }

    /** Whether the reader takes away what the rules found of its kind on this page. */
    static boolean overrules(SignalCatalogue.Reader reader, ReaderModel.Reading reading) {
        return reading.judges() && reading.score() < reader.confirmsFrom();
    }

    /** Why the reader takes away what the rules found of its kind on this page, if it does. */
    static Optional<String> whyOverruled(SignalCatalogue.Reader reader, ReaderModel.Reading reading,
                                         PageContent content, Set<String> selfNames) {
        if (!overrules(reader, reading)) {
            return Optional.empty();
        }
        if (reader.passage() == 0) {
            return Optional.of(says(reader, reading));
        }
        Optional<Passages.Passage> best = bestPassage(reader, content, selfNames);
        if (best.isPresent() && keeps(reader, best.get())) {
            return Optional.empty();
        }
        return Optional.of(says(reader, reading) + best.map(p -> String.format(Locale.ROOT,
                        "; its best passage of %d words it scored %.2f", p.reading().words(), p.reading().score()))
                .orElse("; the page is too short for a passage of " + reader.passage() + " words"));
    }

    /** Why the reader did not find its kind on the page, if it did not. */
    static Optional<String> whyNot(SignalCatalogue.Reader reader, ReaderModel.Reading reading, PageIndex index) {
        if (reading.foreign()) {
            return Optional.of("the page is not written in Dutch, the language of every page the reader learned "
                    + "from: the rules decide");
        }
        if (!reading.judges()) {
            return Optional.of((reading.words() < ReaderModel.MIN_WORDS
                    ? "the page has " + reading.words() + " words, too few"
                    : "the page has more words than any page it learned from (" + reading.longest() + ")")
                    + " for the reader to judge: the rules decide");
        }
        if (!reader.model().shows(reading.score())) {
            return Optional.of(says(reader, reading));
        }
        if (!reader.adds()) {
            return Optional.of(says(reader, reading) + ", but it only takes away what the rules found: it adds no "
                    + "match of its own");
        }
        if (reading.score() < reader.addsFrom()) {
            return Optional.of(says(reader, reading) + String.format(Locale.ROOT, ", but it adds a match of its own "
                    + "only from %.2f", reader.addsFrom()));
        }
        if (!names(index, reader.requires())) {
            return Optional.of(says(reader, reading) + ", but the page names none of the phrases it requires to add "
                    + "the kind");
        }
        Phrase held = inTitleOrUrl(index, reader.notTitleOrUrl());
        if (held != null) {
            return Optional.of(says(reader, reading) + ", but it does not add the kind where the title or the URL "
                    + "holds '" + held.source() + "'");
        }
        return Optional.empty();
    }

    /** What the reader says of a page, for an analyst asking why the kind was or was not found. */
    static String says(SignalCatalogue.Reader reader, ReaderModel.Reading reading) {
        String words = strongestWords(reading);
        double threshold = reader.model().threshold();
        String from = reader.confirmsFrom() < threshold
                ? String.format(Locale.ROOT, "; a rule's match stands from %.2f", reader.confirmsFrom()) : "";
        return String.format(Locale.ROOT, "the reader scored the page %.2f (threshold %.2f%s)%s", reading.score(),
                threshold, from, words.isEmpty() ? "" : "; its strongest words: " + words);
    }

    /**
     * Whether the page names one of the phrases, anywhere: a reader trained on pages about the theme has never seen
     * the ordinary pages of a site (waste collection, building permits), so it adds its kind only where the theme is.
     */
    private static boolean names(PageIndex index, List<Phrase> phrases) {
        if (phrases.isEmpty()) {
            return true;
        }
        for (Phrase p : phrases) {
            if (index.occurrences(p).length > 0) {
                return true;
            }
        }
        return false;
    }

    /** The first of the phrases that the page's title or URL holds, or null. */
    private static Phrase inTitleOrUrl(PageIndex index, List<Phrase> phrases) {
        if (phrases.isEmpty()) {
            return null;
        }
        Hits hits = Hits.of(index, phrases, List.of());
        int k = hits.firstInTitleOrUrl(index);
        return k < 0 ? null : hits.phrase[k];
    }

    private static String strongestWords(ReaderModel.Reading reading) {
        StringBuilder words = new StringBuilder();
        for (ReaderModel.Weighed w : ReaderModel.strongest(reading, 8)) {
            words.append(words.isEmpty() ? "" : ", ").append(w.term());
        }
        return words.toString();
    }
}
