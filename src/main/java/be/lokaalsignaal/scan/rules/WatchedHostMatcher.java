package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.scan.extract.Link;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.rules.SignalCatalogue.WatchedHost;
import be.lokaalsignaal.scan.url.Urls;
import be.lokaalsignaal.topics.SignalKind;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page links to a watched host or names its address: a link first, then the address in a paragraph's text,
 * read joined where a line, a hyphen or a table's column broke it ({@link BrokenAddresses}).
 */
final class WatchedHostMatcher {

    /** A word broken at a line's end, as the words are read: "veiligheids- plan" (a lower-case letter after it). */
    private static final Pattern LINE_END_HYPHEN = Pattern.compile("(?<=\\p{L})-\\s+(?=\\p{Ll})");

    private WatchedHostMatcher() {
    }

    /** The page's first link to the host, else its first mention of the address (joined where it was broken). */
    static RuleMatch match(WatchedHost w, PageContent content, PageIndex index) {
        for (Link link : content.links()) {
            // most links are to the site itself: parsing each URL's host costs more than looking for the name
            if (!containsIgnoreCase(link.url(), w.host())) {
                continue;
            }
            if (Urls.isHostOrSubdomain(Urls.host(link.url()), w.host())) {
                String text = link.text() == null || link.text().isBlank() ? "" : "\"" + link.text() + "\" ";
                return SignalCatalogue.match(SignalKind.SITE_LINK, w.linkRule(), text + "-> " + link.url(),
                        List.of(SignalCatalogue.phrase("link", w.host(), link.url())));
            }
        }
        int[] candidates = index.occurrences(w.hostWord());
        int last = -1;
        for (int word : candidates) {
            int p = index.paragraphOf(word);
            if (p < 0 || p == last) {
                continue;
            }
            last = p;
            String paragraph = content.blocks().get(p);
            RuleMatch mention = mention(w, paragraph);
            if (mention == null) {
                // a PDF's line may break the address at a hyphen ("seksueel-" / "geweld.be"): the paragraph's words
                // joined it (that is how it was found here), so the address is read joined as well
                String joined = LINE_END_HYPHEN.matcher(paragraph).replaceAll("");
                mention = joined.length() < paragraph.length() ? mention(w, joined) : null;
            }
            if (mention != null) {
                return mention;
            }
        }
        RuleMatch broken = brokenMention(w, w.brokenStarts(), BrokenAddresses::joined, content, index);
        return broken != null ? broken
                : brokenMention(w, w.brokenRests(), BrokenAddresses::joinedBefore, content, index);
    }

    /** A mention of an address broken in a paragraph where one of the words stands, joined by {@code join}. */
    private static RuleMatch brokenMention(WatchedHost w, List<Phrase> words, BinaryOperator<String> join,
                                           PageContent content, PageIndex index) {
        for (Phrase part : words) {
            for (int word : index.occurrences(part)) {
                // a paragraph: a line break stands within one, and the sections repeat them
                int p = index.paragraphOf(word);
                String joined = p < 0 ? null : join.apply(content.blocks().get(p), w.host());
                RuleMatch mention = joined == null ? null : mention(w, joined);
                if (mention != null) {
                    return mention;
                }
            }
        }
        return null;
    }

    private static RuleMatch mention(WatchedHost w, String text) {
        Matcher m = w.mention().matcher(text);
        return m.find() ? SignalCatalogue.match(SignalKind.SITE_MENTION, w.mentionRule(),
                SignalCatalogue.snippet(text, m.start(), m.end()),
                List.of(SignalCatalogue.phrase("mention", w.host(), m.group()))) : null;
    }

    private static boolean containsIgnoreCase(String s, String part) {
        char first = part.isEmpty() ? 0 : part.charAt(0);
        char lower = Character.toLowerCase(first);
        char upper = Character.toUpperCase(first);
        for (int i = 0; i + part.length() <= s.length(); i++) {
            char c = s.charAt(i);
            // two ASCII characters are equal ignoring case only as the same letter in either case
            if (c < 0x80 && first < 0x80 && c != lower && c != upper && !part.isEmpty()) {
                continue;
            }
            if (s.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An address in text: the host or a subdomain, not part of a longer host, an e-mail address or a word, nor the
     * end of one a line broke after a hyphen ("www.ookditis-" / "seksueelgeweld.be").
     */
    static Pattern mentionPattern(String host) {
        return Pattern.compile("(?<![\\p{L}\\p{N}.@_-])(?<![\\p{L}\\p{N}]-\\s{1,4})(?:[a-z0-9-]+\\.)*"
                + Pattern.quote(host) + "(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
