package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.extract.PageContent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sections over a page's paragraphs: the range of their words when they are those paragraphs, else read on their own. */
class PageIndexTest {

    private static PageIndex index(List<String> paragraphs, List<String> sections) {
        return index(paragraphs, sections, List.of());
    }

    private static PageIndex index(List<String> paragraphs, List<String> sections, List<Integer> starts) {
        List<String> blocks = new ArrayList<>(paragraphs);
        blocks.addAll(sections);
        PageContent content = new PageContent("https://www.stad.be/nieuws", "Nieuws", blocks, paragraphs.size(),
                starts, List.of());
        return new PageIndex(content, PageWordsTest.vocabulary(), 0);
    }

    private static PageIndex.Block section(PageIndex index, int i) {
        return index.blocks.get(index.paragraphs + i);
    }

    @Test
    void a_section_that_is_its_paragraphs_joined_by_a_space_or_line_break_is_the_range_of_their_words() {
        PageIndex index = index(List.of("Intro van de stad.", "De campagne start.", "Met de steun van het college.",
                "Slot."), List.of("De campagne start.\nMet de steun van het college. Slot."));
        PageIndex.Block s = section(index, 0);
        assertThat(s.firstParagraph).isEqualTo(1);
        assertThat(s.lastParagraph).isEqualTo(3);
        assertThat(s.from).isEqualTo(index.blocks.get(1).from);
        assertThat(s.to).isEqualTo(index.blocks.get(3).to);
        assertThat(s.bases).containsExactly(0, 19, 49);
    }

    @Test
    void a_section_that_differs_from_its_paragraphs_is_read_on_its_own() {
        PageIndex index = index(List.of("De campagne start.", "Met de steun van het college."),
                List.of("De campagne start. Met de steun van de stad.", "De campagne start.  Met de steun van het college."));
        for (int i = 0; i < 2; i++) {
            PageIndex.Block s = section(index, i);
            assertThat(s.firstParagraph).as("section %d", i).isEqualTo(-1);
            assertThat(s.from).as("section %d", i).isGreaterThanOrEqualTo(index.blocks.get(1).to);
        }
    }

    @Test
    void a_section_is_aligned_with_the_first_paragraphs_in_page_order_that_it_is() {
        PageIndex index = index(List.of("Verslag.", "Punt een.", "Verslag.", "Punt twee.", "Verslag.", "Punt twee."),
                List.of("Verslag. Punt twee."));
        PageIndex.Block s = section(index, 0);
        assertThat(s.firstParagraph).isEqualTo(2);
        assertThat(s.lastParagraph).isEqualTo(3);
    }

    /** Tried in page order, one by one: a limit on the tries keeps a page of many alike sections linear. */
    @Test
    void a_section_whose_beginning_more_than_32_earlier_paragraphs_share_is_read_on_its_own_though_it_is_paragraphs() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            paragraphs.add("Verslag gemeenteraad zitting " + i);
            paragraphs.add("Punt " + i + " goedgekeurd.");
        }
        PageIndex index = index(paragraphs, List.of("Verslag gemeenteraad zitting 35\nPunt 35 goedgekeurd.",
                "Verslag gemeenteraad zitting 3\nPunt 3 goedgekeurd."));
        assertThat(section(index, 0).firstParagraph).isEqualTo(-1);
        assertThat(section(index, 1).firstParagraph).isEqualTo(6);
    }

    @Test
    void a_section_whose_start_the_page_gives_is_aligned_there_however_many_paragraphs_share_its_beginning() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            paragraphs.add("Verslag gemeenteraad zitting " + i);
            paragraphs.add("Punt " + i + " goedgekeurd.");
        }
        PageIndex index = index(paragraphs, List.of("Verslag gemeenteraad zitting 35\nPunt 35 goedgekeurd."),
                List.of(70));
        assertThat(section(index, 0).firstParagraph).isEqualTo(70);
        assertThat(section(index, 0).lastParagraph).isEqualTo(71);
        assertThat(section(index, 0).bases).containsExactly(0, 32);
    }

    @Test
    void a_section_whose_given_start_is_wrong_is_looked_for_among_the_paragraphs_or_read_on_its_own() {
        PageIndex index = index(List.of("Intro van de stad.", "De campagne start.", "Met de steun van het college."),
                List.of("De campagne start. Met de steun van het college.", "De campagne start. Met steun."),
                List.of(0, 1));
        assertThat(section(index, 0).firstParagraph).isEqualTo(1);
        assertThat(section(index, 0).lastParagraph).isEqualTo(2);
        assertThat(section(index, 1).firstParagraph).isEqualTo(-1);
    }

    @Test
    void a_given_start_picks_which_of_two_alike_runs_of_paragraphs_a_section_is() {
        PageIndex index = index(List.of("Verslag.", "Punt twee.", "Verslag.", "Punt twee."),
                List.of("Verslag. Punt twee."), List.of(2));
        assertThat(section(index, 0).firstParagraph).isEqualTo(2);
        assertThat(section(index, 0).from).isEqualTo(index.blocks.get(2).from);
    }
}
