package be.lokaalsignaal.source.newsletter;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an issue from HTML (a saved page, the HTML part of a mail, feed content). An item starts
 * at every h1–h3 and at every paragraph that is entirely bold; it holds the text and links up to
 * the next one.
 */
final class HtmlIssueParser {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "td", "th", "blockquote", "pre", "dd", "dt", "section", "article", "main",
            "header", "figcaption", "table", "tbody", "tr", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> SKIPPED = Set.of(
            "script", "style", "noscript", "nav", "footer", "form", "template", "svg", "head");
    private static final String[] DATE_META = {
            "meta[name=date]", "meta[name=dcterms.date]", "meta[name=DC.date]", "meta[name=dc.date]",
            "meta[property=article:published_time]", "meta[name=pubdate]", "meta[itemprop=datePublished]"};

    private HtmlIssueParser() {
    }

    static ParsedIssue parse(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        String provenance = attr(doc, "meta[name=provenance]").orElse(null);
        String title = attr(doc, "meta[property=og:title]")
                .or(() -> Optional.of(doc.title().trim()).filter(t -> !t.isEmpty()))
                .or(() -> Optional.ofNullable(doc.selectFirst("h1")).map(Element::text).filter(t -> !t.isBlank()))
                .orElse(null);
        LocalDate date = pageDate(doc);
        Element root = Optional.ofNullable(doc.selectFirst("article"))
                .or(() -> Optional.ofNullable(doc.selectFirst("main")))
                .orElse(doc.body());
        List<ParsedIssue.RawItem> items = root == null ? List.of() : items(root, title);
        return new ParsedIssue(title, date, provenance, items);
    }

    private static LocalDate pageDate(Document doc) {
        for (String selector : DATE_META) {
            Optional<LocalDate> d = attr(doc, selector).flatMap(IssueDates::parseValue);
            if (d.isPresent()) {
                return d.get();
            }
        }
        for (Element time : doc.select("time")) {
            Optional<LocalDate> d = IssueDates.parseValue(time.attr("datetime")).or(() -> IssueDates.findIn(time.text()));
            if (d.isPresent()) {
                return d.get();
            }
        }
        return doc.body() == null ? null : IssueDates.findIn(doc.body().text()).orElse(null);
    }

    private static Optional<String> attr(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
        return e == null ? Optional.empty() : Optional.of(e.attr("content").trim()).filter(s -> !s.isEmpty());
    }

    private static List<ParsedIssue.RawItem> items(Element root, String title) {
        ItemCollector collector = new ItemCollector(title);
        root.filter(collector);
        return collector.finish();
    }

    static boolean isHeading(Element e) {
        String tag = e.normalName();
        if (tag.equals("h1") || tag.equals("h2") || tag.equals("h3")) {
            return !e.text().isBlank();
        }
        if (!tag.equals("p") && !tag.equals("div") && !tag.equals("td")) {
            return false;
        }
        String text = e.text().trim();
        if (text.isEmpty() || text.length() > 150 || hasBlockChild(e)) {
            return false;
        }
        Elements bold = e.select("strong, b");
        StringBuilder boldText = new StringBuilder();
        for (Element b : bold) {
            if (b.parents().stream().noneMatch(p -> bold.contains(p))) {
                boldText.append(b.text()).append(' ');
            }
        }
        return boldText.toString().replaceAll("\\s+", "").equals(text.replaceAll("\\s+", ""));
    }

    private static boolean hasBlockChild(Element e) {
        for (Element d : e.getAllElements()) {
            if (d != e && BLOCKS.contains(d.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static final class ItemCollector implements NodeFilter {
        private final String title;
        private final List<ParsedIssue.RawItem> items = new ArrayList<>();
        private String heading;
        private StringBuilder text = new StringBuilder();
        private Set<String> links = new LinkedHashSet<>();

        ItemCollector(String title) {
            this.title = title;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                appendInline(t.text());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (SKIPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (isHeading(e)) {
                flush();
                heading = e.text().trim();
                addLinks(e);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("br")) {
                text.append('\n');
                return FilterResult.CONTINUE;
            }
            if (tag.equals("a")) {
                addLink(e);
                return FilterResult.CONTINUE;
            }
            if (BLOCKS.contains(tag) && !hasBlockChild(e)) {
                newLine();
                String prefix = tag.equals("li") ? "• " : "";
                text.append(prefix).append(e.wholeText().isBlank() ? "" : blockText(e));
                newLine();
                addLinks(e);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BLOCKS.contains(tag)) {
                newLine();
            }
            return FilterResult.CONTINUE;
        }

        private static String blockText(Element e) {
            // keep line breaks written as <br>, collapse the rest
            Element copy = e.clone();
            copy.select("br").after("\\n");
            return copy.text().replace("\\n", "\n").replaceAll(" *\n *", "\n").trim();
        }

        private void appendInline(String s) {
            String collapsed = s.replaceAll("\\s+", " ");
            if (collapsed.isBlank()) {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ' ' && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                }
                return;
            }
            text.append(collapsed);
        }

        private void newLine() {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }

        private void addLinks(Element e) {
            for (Element a : e.select("a[href]")) {
                addLink(a);
            }
        }

        private void addLink(Element a) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                href = a.attr("href").trim();
            }
            String lower = href.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                links.add(href);
            }
        }

        private void flush() {
            String body = normalise(text.toString());
            if (!body.isEmpty() || !links.isEmpty()) {
                String h = heading != null ? heading : (title == null ? "" : title);
                items.add(new ParsedIssue.RawItem(h, body, List.copyOf(links)));
            }
            text = new StringBuilder();
            links = new LinkedHashSet<>();
        }

        List<ParsedIssue.RawItem> finish() {
            flush();
            return items;
        }
    }

    /** Trimmed lines, spaces collapsed, no empty lines. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.replaceAll("[\\s\\u00a0]+", " ").trim();
            if (!l.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }
}
