package be.lokaalsignaal.scan.extract;

import be.lokaalsignaal.scan.url.SiteScope;
import be.lokaalsignaal.scan.url.Urls;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Links, visible text blocks and title of an HTML page. jsoup parses whatever arrives, however broken. */
public final class HtmlExtractor {

    /** Elements that end a paragraph: text on either side of them is not one run of prose. */
    private static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "thead", "tfoot", "tr", "ul", "option", "select", "legend");
    private static final Set<String> INVISIBLE_TAGS = Set.of(
            "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "head", "title");
    /** Page furniture around the content: a section does not run into it. */
    private static final Set<String> FRAME_TAGS = Set.of("footer", "header", "nav", "aside");
    private static final List<String> FRAME_NAMES = List.of("footer", "header", "navigation", "navbar", "menu",
            "breadcrumb", "sidebar", "colofon", "voet", "navigatie", "kruimelpad");
    private static final int MAX_SECTION_CHARS = 4000;
    private static final int MAX_UNWRAP_DEPTH = 3;

    private HtmlExtractor() {
    }

    /**
     * @param html    decoded page
     * @param pageUrl URL the page was read from; relative links resolve against it or its {@code <base href>}
     * @param scope   the site's hosts: only their redirect wrappers are unwrapped
     */
    public static PageContent extract(String html, String pageUrl, SiteScope scope) {
        Document doc = Jsoup.parse(html, pageUrl);
        String base = pageUrl;
        Element baseEl = doc.selectFirst("base[href]");
        if (baseEl != null) {
            base = Urls.resolve(pageUrl, baseEl.attr("href")).orElse(pageUrl);
        }
        List<Link> links = extractLinks(doc, base, scope);
        String title = doc.title().strip();
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? null : h1.text().strip();
            if (title != null && title.isEmpty()) {
                title = null;
            }
        }
        BlockCollector collector = new BlockCollector();
        NodeTraversor.traverse(collector, doc.body());
        collector.flush();
        List<String> blocks = new ArrayList<>(collector.paragraphs);
        int paragraphs = blocks.size();
        List<Integer> starts = new ArrayList<>();
        headingSections(collector.paragraphs, collector.headingLevels, collector.elements, blocks, starts);
        Map<Element, Integer> firstInside = firstParagraphInside(collector.elements);
        for (Element section : doc.select("section, article")) {
            String text = normaliseSpace(section.text());
            if (!text.isEmpty() && text.length() <= MAX_SECTION_CHARS) {
                blocks.add(text);
                starts.add(firstInside.getOrDefault(section, -1));
            }
        }
        return new PageContent(pageUrl, title, blocks, paragraphs, starts, links);
    }

    /**
     * For each section or article element, the first paragraph whose text stood in it: where its text starts when it
     * is its paragraphs in a row (the rules read it from their words, and check that it is).
     */
    private static Map<Element, Integer> firstParagraphInside(List<Element> elements) {
        Map<Element, Integer> first = new IdentityHashMap<>();
        for (int i = elements.size() - 1; i >= 0; i--) {
            for (Element e = elements.get(i); e != null; e = e.parent()) {
                String tag = e.normalName();
                if (tag.equals("section") || tag.equals("article")) {
                    first.put(e, i);
                }
            }
        }
        return first;
    }

    private static List<Link> extractLinks(Document doc, String base, SiteScope scope) {
        Set<Link> links = new LinkedHashSet<>();
        for (Element a : doc.select("a[href], area[href]")) {
            Optional<String> url = Urls.resolve(base, a.attr("href"));
            if (url.isEmpty()) {
                continue;
            }
            String text = a.normalName().equals("area") ? a.attr("alt") : a.text();
            text = normaliseSpace(text);
            links.add(new Link(url.get(), text, false));
            unwrap(url.get(), text, scope, links, 0);
        }
        return new ArrayList<>(links);
    }

    private static void unwrap(String url, String text, SiteScope scope, Set<Link> out, int depth) {
        if (depth >= MAX_UNWRAP_DEPTH || scope == null || !scope.containsUrl(url)) {
            return;
        }
        for (String target : Urls.embeddedUrls(url)) {
            out.add(new Link(target, text, true));
            unwrap(target, text, scope, out, depth + 1);
        }
    }

    /**
     * A heading together with the paragraphs under it, up to the next heading of the same or a higher level and
     * no further than the element that holds the heading: the page's footer is not part of its last section.
     */
    private static void headingSections(List<String> paragraphs, List<Integer> levels, List<Element> elements,
                                        List<String> sections, List<Integer> starts) {
        Frames frames = new Frames();
        for (int i = 0; i < paragraphs.size(); i++) {
            int level = levels.get(i);
            if (level == 0) {
                continue;
            }
            Element container = container(elements.get(i));
            Element frame = frames.of(elements.get(i));
            // the section's end and length first, then its text in a builder of that size
            int length = paragraphs.get(i).length();
            int j = i + 1;
            for (; j < paragraphs.size(); j++) {
                int l = levels.get(j);
                if (l != 0 && l <= level || !inside(elements.get(j), container) || frames.of(elements.get(j)) != frame) {
                    break;
                }
                if (length + paragraphs.get(j).length() > MAX_SECTION_CHARS) {
                    break;
                }
                length += 1 + paragraphs.get(j).length();
            }
            if (j > i + 1) {
                StringBuilder sb = new StringBuilder(length).append(paragraphs.get(i));
                for (int k = i + 1; k < j; k++) {
                    sb.append('\n').append(paragraphs.get(k));
                }
                sections.add(sb.toString());
                starts.add(i);
            }
        }
    }

    /** The element around a heading that holds more than the heading: a wrapper of the heading alone does not count. */
    private static Element container(Element heading) {
        Element c = heading == null ? null : heading.parent();
        while (c != null && c.childrenSize() == 1 && c.parent() != null) {
            c = c.parent();
        }
        return c;
    }

    /**
     * The page furniture an element stands in (footer, header, navigation, sidebar), or null for the content: a
     * section never runs from the content into the footer with the municipality's address. Remembered per element
     * for one page: every paragraph asks it for itself and its ancestors, for each heading above it.
     */
    private static final class Frames {
        private static final Element CONTENT = new Element("body");
        private final Map<Element, Element> known = new IdentityHashMap<>();
        private final List<Element> walked = new ArrayList<>();

        Element of(Element el) {
            Element found = null;
            walked.clear();
            for (Element e = el; e != null; e = e.parent()) {
                Element k = known.get(e);
                if (k != null) {
                    found = k == CONTENT ? null : k;
                    break;
                }
                walked.add(e);
                if (isFrame(e)) {
                    found = e;
                    break;
                }
            }
            for (Element e : walked) {
                known.put(e, found == null ? CONTENT : found);
            }
            return found;
        }

        private static boolean isFrame(Element e) {
            if (FRAME_TAGS.contains(e.normalName())) {
                return true;
            }
            String names = (e.id() + " " + e.className()).toLowerCase(java.util.Locale.ROOT);
            for (String word : FRAME_NAMES) {
                if (names.contains(word)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean inside(Element el, Element container) {
        if (container == null) {
            return true;
        }
        for (Element e = el; e != null; e = e.parent()) {
            if (e == container) {
                return true;
            }
        }
        return false;
    }

    static String normaliseSpace(CharSequence s) {
        if (s == null) {
            return "";
        }
        // most texts jsoup gives are normalised already: returned as they are, not copied
        return normalised(s) ? s.toString() : collapse(s);
    }

    /** Whether a text has no white space but single spaces between other characters. */
    private static boolean normalised(CharSequence s) {
        int n = s.length();
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (c != ' ' || space) {
                    return false;
                }
                space = true;
            } else {
                space = false;
            }
        }
        return !space || n == 0;
    }

    /** Runs of white space, no-break spaces and control characters as one space, none at either end. */
    private static String collapse(CharSequence s) {
        int n = s.length();
        char[] out = new char[n];
        int length = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = length > 0;
            } else {
                if (space) {
                    out[length++] = ' ';
                    space = false;
                }
                out[length++] = c;
            }
        }
        return new String(out, 0, length);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || Character.isISOControl(c);
    }

    /** Walks the DOM and cuts its visible text into paragraphs at block boundaries. */
    private static final class BlockCollector implements NodeVisitor {
        final List<String> paragraphs = new ArrayList<>();
        final List<Integer> headingLevels = new ArrayList<>();
        /** The innermost block element each paragraph's text stood in. */
        final List<Element> elements = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private Element currentElement;
        private int currentHeading;
        private int invisibleDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element el) {
                String tag = el.normalName();
                if (invisibleDepth > 0 || INVISIBLE_TAGS.contains(tag) || el.hasAttr("hidden")) {
                    invisibleDepth++;
                    return;
                }
                if (BLOCK_TAGS.contains(tag)) {
                    flush();
                    currentElement = el;
                    if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                        currentHeading = tag.charAt(1) - '0';
                    }
                } else if (tag.equals("br") || tag.equals("td") || tag.equals("th")) {
                    current.append(' ');
                }
            } else if (node instanceof TextNode text && invisibleDepth == 0) {
                current.append(text.getWholeText());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el) {
                if (invisibleDepth > 0) {
                    invisibleDepth--;
                    return;
                }
                if (BLOCK_TAGS.contains(el.normalName())) {
                    flush();
                    currentElement = el.parent();
                } else if (el.normalName().equals("td") || el.normalName().equals("th")) {
                    current.append(' ');
                }
            }
        }

        void flush() {
            String text = normaliseSpace(current);
            current.setLength(0);
            if (!text.isEmpty()) {
                paragraphs.add(text);
                headingLevels.add(currentHeading);
                elements.add(currentElement);
            }
            currentHeading = 0;
        }
    }
}
