package be.lokaalsignaal.scan.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import be.lokaalsignaal.scan.reader.ReaderTrainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderPassagesTest {

    private static final double NONE = Double.NaN;

    private static ReaderExamples.Judged page(boolean labelled, boolean ruled) {
        return new ReaderExamples.Judged(new ReaderTrainer.Example("p", null, labelled, "part"), ruled, true, null);
    }

    /** Six pages; the reader confirms from 0.30. */
    private static final List<ReaderExamples.Judged> PAGES = List.of(
            page(true, true),      // 0.60: the rules' match stands, its passages do not matter
            page(true, true),      // 0.10: taken away; a passage of 100 words scores 0.50, of 200 0.20
            page(false, true),     // 0.20: taken away rightly; a passage of 100 words scores 0.40
            page(true, true),      // 0.25: taken away; too short for any passage
            page(false, true),     // 0.05: taken away rightly; its passages score low
            page(true, false));    // 0.90: no rule found the kind: nothing to keep
    private static final double[] SCORES = {0.60, 0.10, 0.20, 0.25, 0.05, 0.90};
    private static final double[][] PASSAGES = {
        {0.90, 0.80}, {0.50, 0.20}, {0.40, 0.10}, {NONE, NONE}, {0.10, 0.05}, {0.95, 0.95}};

    @Test
    void ofTheRulesMatchesTheReaderTakesAwayAPassageKeepsThoseItScoresFromTheConfirmingScore() {
        ReaderPassages p = ReaderPassages.of(SCORES, PASSAGES, PAGES, 0.30, new int[] {100, 200});

        assertThat(p.takenRight()).isEqualTo(2);
        assertThat(p.takenWrong()).isEqualTo(2);
        assertThat(p.keeping()).extracting(ReaderPassages.Keeping::words, ReaderPassages.Keeping::right,
                ReaderPassages.Keeping::wrong).containsExactly(tuple(100, 1, 1), tuple(200, 0, 0));
    }

    @Test
    void scoresPassagesAndPagesMustBeAsMany() {
        assertThatThrownBy(() -> ReaderPassages.of(SCORES, new double[2][2], PAGES, 0.30, new int[] {100, 200}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("6 scores and 2 rows of passages for 6 pages");
    }
}
