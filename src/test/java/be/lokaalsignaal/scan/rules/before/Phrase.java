package be.lokaalsignaal.scan.rules.before;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dutch phrase matched case- and accent-insensitively on word boundaries. A '*' at the start or end of a
 * word stands for any letters, so {@code veiligheidsplan*} finds "veiligheidsplannen" and
 * {@code *campagne} finds "sensibiliseringscampagne".
 */
public final class Phrase {

    private final String source;
    private final Pattern pattern;

    private Phrase(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException with a short reason when the phrase cannot be matched */
    static Phrase compile(String phrase) {
        StringBuilder regex = new StringBuilder("(?<![a-z0-9])");
        boolean first = true;
        for (String word : phrase.strip().split("\\s+")) {
            boolean prefix = word.startsWith("*");
            boolean suffix = word.length() > 1 && word.endsWith("*");
            String inner = word.substring(prefix ? 1 : 0, word.length() - (suffix ? 1 : 0));
            if (inner.indexOf('*') >= 0) {
                throw new IllegalArgumentException("'*' may only start or end a word, in '" + phrase + "'");
            }
            String folded = TextFold.fold(inner).strip();
            if (folded.isEmpty()) {
                continue;
            }
            if (!first) {
                regex.append(" +");
            }
            first = false;
            if (prefix) {
                regex.append("[a-z0-9]*");
            }
            regex.append(String.join(" +", java.util.Arrays.stream(folded.split(" +")).map(Pattern::quote).toList()));
            if (suffix) {
                regex.append("[a-z0-9]*");
            }
        }
        if (first) {
            throw new IllegalArgumentException("phrase '" + phrase + "' has no letters or digits");
        }
        regex.append("(?![a-z0-9])");
        return new Phrase(phrase, Pattern.compile(regex.toString()));
    }

    /** Where the phrase first occurs in folded text: {start, end}, or null. */
    int[] find(String foldedText) {
        Matcher m = pattern.matcher(foldedText);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    @Override
    public String toString() {
        return source;
    }
}
