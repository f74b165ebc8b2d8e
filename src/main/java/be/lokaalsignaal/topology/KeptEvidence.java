package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.EvidencePhrase;
import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One item of evidence as the state keeps it: where and when a signal was seen, and for website evidence the rule,
 * the page's hash, who acted and the phrases that made the rule match. Held to fixed sizes, since every item lives
 * in the state of its municipality.
 */
final class KeptEvidence {
    /** Longest snippet or phrase text kept with an evidence item, as the scanner writes them. */
    private static final int MAX_TEXT = 300;
    /** Most phrases kept with one evidence item; a rule of the catalogue gives a handful. */
    static final int MAX_PHRASES = 16;
    private static final Comparator<KeptEvidence> NEWEST_FIRST = Comparator
            .comparingLong((KeptEvidence e) -> e.seenAt).reversed()
            .thenComparing(e -> Objects.toString(e.url, ""))
            .thenComparing(e -> Objects.toString(e.snippet, ""));

    String url;
    long seenAt;
    String snippet;
    String source;
    /** Website evidence: id of the rule that matched. */
    String rule;
    /** Website evidence: content hash of the page that matched, so that a review can tell when it changed. */
    String contentHash;
    /**
     * Website evidence: the catalogue phrases that made the rule match, with the page's words;
     * null when there are none (newsletter and session evidence, states written before).
     */
    List<Phrase> phrases;
    /** Website evidence of a rule with an actor condition: OWN, LOCAL, WE or UNNAMED. */
    String actor;

    KeptEvidence() {}

    KeptEvidence(String url, long seenAt, String snippet, String source) {
        this.url = url;
        this.seenAt = seenAt;
        this.snippet = snippet;
        this.source = source;
    }

    static KeptEvidence website(String url, long seenAt, RuleMatch match, String contentHash) {
        KeptEvidence ev = new KeptEvidence(url, seenAt, cap(match.getSnippet()), "WEBSITE");
        ev.rule = match.getRule();
        ev.contentHash = contentHash;
        ev.actor = match.getActor();
        List<MatchedPhrase> matched = match.getPhrases();
        if (matched != null && !matched.isEmpty()) {
            ev.phrases = new ArrayList<>(Math.min(matched.size(), MAX_PHRASES));
            for (MatchedPhrase m : matched.subList(0, Math.min(matched.size(), MAX_PHRASES))) {
                ev.phrases.add(new Phrase(m.getRole(), cap(m.getPhrase()), cap(m.getText())));
            }
        }
        return ev;
    }

    Evidence toAvro() {
        List<EvidencePhrase> out = new ArrayList<>(phrases == null ? 0 : phrases.size());
        if (phrases != null) {
            for (Phrase p : phrases) {
                out.add(new EvidencePhrase(p.role, p.phrase, p.text));
            }
        }
        return new Evidence(url, Instant.ofEpochMilli(seenAt), snippet, source, rule, out, actor);
    }

    /**
     * As {@link UptakeMath#mergeEvidence}, on items that keep what lies behind them: newest first,
     * one item per (url, snippet, source) at its latest sighting, at most {@code limit}.
     */
    static List<KeptEvidence> merge(List<KeptEvidence> current, KeptEvidence added, int limit) {
        List<KeptEvidence> out = new ArrayList<>(current.size() + 1);
        boolean placed = false;
        for (KeptEvidence e : current) {
            if (Objects.equals(e.url, added.url) && Objects.equals(e.snippet, added.snippet)
                    && Objects.equals(e.source, added.source)) {
                out.add(e.seenAt > added.seenAt ? e : added);
                placed = true;
            } else {
                out.add(e);
            }
        }
        if (!placed) {
            out.add(added);
        }
        out.sort(NEWEST_FIRST);
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    private static String cap(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    /**
     * A catalogue phrase with the page's words, as {@link MatchedPhrase} gives it. The scanner
     * keeps texts to 300 characters; a page record from another producer is held to the same here,
     * and to at most {@link #MAX_PHRASES} phrases per item, since every item lives in the state.
     */
    static final class Phrase {
        String role;
        String phrase;
        String text;

        Phrase() {}

        Phrase(String role, String phrase, String text) {
            this.role = role;
            this.phrase = phrase;
            this.text = text;
        }
    }
}
