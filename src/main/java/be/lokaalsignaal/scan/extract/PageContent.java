package be.lokaalsignaal.scan.extract;

import java.util.List;

/**
 * What a page or document says, independent of its format.
 *
 * @param url    URL the content was read from (after redirects)
 * @param title  title, or null
 * @param blocks visible text per paragraph-like block, then per section (a heading with what follows it,
 *               a section or article element, a PDF page): the units phrase rules look inside
 * @param paragraphs how many leading entries of blocks are paragraphs; the rest are sections
 * @param links  outbound links, redirect wrappers unwrapped (the wrapper itself is listed too)
 */
public record PageContent(String url, String title, List<String> blocks, int paragraphs, List<Link> links) {

    public PageContent {
        blocks = List.copyOf(blocks);
        links = List.copyOf(links);
    }

    /** Convenience for tests and simple sources: every block is a paragraph. */
    public static PageContent of(String url, String title, List<String> paragraphs, List<Link> links) {
        return new PageContent(url, title, paragraphs, paragraphs.size(), links);
    }

    /** The paragraphs alone, without the section blocks that repeat them. */
    public List<String> paragraphBlocks() {
        return blocks.subList(0, paragraphs);
    }

    /** All visible text, one paragraph a line. */
    public String text() {
        return String.join("\n", paragraphBlocks());
    }
}
