package be.lokaalsignaal.scan.extract;

import java.util.Collections;
import java.util.List;

/**
 * What a page or document says, independent of its format.
 *
 * @param url    URL the content was read from (after redirects)
 * @param title  title, or null
 * @param blocks visible text per paragraph-like block, then per section (a heading with what follows it,
 *               a section or article element, a PDF page): the units phrase rules look inside
 * @param paragraphs how many leading entries of blocks are paragraphs; the rest are sections
 * @param sectionStarts per section, in order, the paragraph it is made from on when the source knows it (a heading's
 *               section starts at the heading's paragraph), else -1: where a reader of the section looks first for it
 *               as paragraphs in a row, which it checks; empty when no section has one
 * @param links  outbound links, redirect wrappers unwrapped (the wrapper itself is listed too)
 */
public record PageContent(String url, String title, List<String> blocks, int paragraphs, List<Integer> sectionStarts,
                          List<Link> links) {

    public PageContent {
        blocks = List.copyOf(blocks);
        sectionStarts = List.copyOf(sectionStarts);
        links = List.copyOf(links);
        if (!sectionStarts.isEmpty() && sectionStarts.size() != blocks.size() - paragraphs) {
            throw new IllegalArgumentException("sectionStarts has " + sectionStarts.size() + " entries for "
                    + (blocks.size() - paragraphs) + " sections");
        }
    }

    /** Sections without known starts. */
    public PageContent(String url, String title, List<String> blocks, int paragraphs, List<Link> links) {
        this(url, title, blocks, paragraphs, Collections.emptyList(), links);
    }

    /** Convenience for tests and simple sources: every block is a paragraph. */
    public static PageContent of(String url, String title, List<String> paragraphs, List<Link> links) {
        return new PageContent(url, title, paragraphs, paragraphs.size(), links);
    }

    /** The paragraph section s (0 for the first section) is made from on, or -1 when not known. */
    public int sectionStart(int s) {
        return sectionStarts.isEmpty() ? -1 : sectionStarts.get(s);
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
