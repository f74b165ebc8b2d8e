package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.register.TextFold;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the items of a plain-text issue: blocks separated by blank lines. A block whose first
 * line looks like a title (short, no closing punctuation, followed by a line that starts a
 * sentence, or marked with # or an underline) starts an item; a block of one title line is the
 * heading of the blocks after it.
 */
final class PlainTextIssueParser {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");
    private static final Pattern RULE_LINE = Pattern.compile("[-=_*~#]{3,}");

    private PlainTextIssueParser() {
    }

    static List<ParsedIssue.RawItem> items(String text, String title) {
        List<ParsedIssue.RawItem> items = new ArrayList<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        boolean firstBlock = true;
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').split("\n[ \t]*\n")) {
            List<String> lines = new ArrayList<>();
            boolean underlined = false;
            for (String line : block.split("\n")) {
                String l = line.strip();
                if (RULE_LINE.matcher(l).matches()) {
                    underlined = lines.size() == 1;
                    continue;
                }
                if (!l.isEmpty()) {
                    lines.add(l);
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            String first = lines.get(0);
            if (firstBlock && title != null && TextFold.slug(title).startsWith(TextFold.slug(first))) {
                // the masthead repeats the subject; it is not an item
                firstBlock = false;
                continue;
            }
            firstBlock = false;
            boolean marked = first.startsWith("#") || underlined;
            boolean titleLine = marked || (looksLikeTitle(first)
                    && (lines.size() == 1 || Character.isUpperCase(lines.get(1).codePointAt(0)) || Character.isDigit(lines.get(1).charAt(0))));
            if (titleLine) {
                add(items, heading, body, title);
                heading = first.replaceFirst("^#+\\s*", "");
                body = new StringBuilder();
                lines = lines.subList(1, lines.size());
            }
            for (String l : lines) {
                body.append(l).append('\n');
            }
        }
        add(items, heading, body, title);
        return items;
    }

    private static boolean looksLikeTitle(String line) {
        return line.length() <= 100
                && line.codePoints().anyMatch(Character::isLetter)
                && !line.matches(".*[.,;:]$")
                && !URL.matcher(line).find()
                && !line.contains("@");
    }

    private static void add(List<ParsedIssue.RawItem> items, String heading, StringBuilder body, String title) {
        String text = HtmlIssueParser.normalise(joinWrapped(body.toString()));
        if (text.isEmpty() && heading == null) {
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        items.add(new ParsedIssue.RawItem(heading == null ? (title == null ? "" : title) : heading, text, links(text)));
    }

    /** Lines wrapped at a fixed width belong to one paragraph; a line ending a sentence ends it. */
    private static String joinWrapped(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                boolean bullet = line.matches("^[-*•]\\s.*");
                out.append(".!?:".indexOf(last) >= 0 || bullet ? '\n' : ' ');
            }
            out.append(line);
        }
        return out.toString();
    }

    static List<String> links(String text) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group().replaceAll("[.,;:!?)\\]'’]+$", "");
            links.add(url.toLowerCase().startsWith("www.") ? "https://" + url : url);
        }
        return List.copyOf(links);
    }
}
