package be.lokaalsignaal.scan.rules;

/**
 * An address that a PDF's line broke without a hyphen ("www.seksueel" / "geweld.be"). The extracted text has a
 * space inside the host, so no word of the page is the host and the mention pattern does not see it. Looked for
 * only right after "www.", which a broken address in running text has and an ordinary sentence does not: "over
 * seksueel geweld.be..." is no address, "www.seksueel geweld.be" is one. The address broken right after "www." or
 * at a hyphen needs nothing of this: its host is a word of its own, or joined as the words are read. A page's
 * paragraphs are searched only where a word starts the address so ({@link SignalCatalogue.WatchedHost#brokenStarts}):
 * reading every paragraph again cost a 5 MB page 2 ms.
 */
final class BrokenAddresses {

    private BrokenAddresses() {
    }

    /**
     * The text with the space taken out of its first address of the host that "www." precedes and one space breaks
     * between two of its characters; null when it has none. The mention pattern still decides whether the joined
     * address is the host's (not a longer host, an e-mail address or a word).
     */
    static String joined(String text, String host) {
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (isW(text.charAt(dot - 1)) && isW(text.charAt(dot - 2)) && isW(text.charAt(dot - 3))) {
                int space = spaceInside(text, dot + 1, host);
                if (space >= 0) {
                    return text.substring(0, space) + text.substring(space + 1);
                }
            }
        }
        return null;
    }

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    /** Where the one space stands when the text holds the host from {@code from} with one space inside it; else -1. */
    private static int spaceInside(String text, int from, String host) {
        int space = -1;
        int i = from;
        for (int h = 0; h < host.length(); h++, i++) {
            if (h > 0 && space < 0 && i < text.length() && text.charAt(i) == ' ') {
                space = i++;
            }
            if (i >= text.length() || Character.toLowerCase(text.charAt(i)) != Character.toLowerCase(host.charAt(h))) {
                return -1;
            }
        }
        return space;
    }
}
