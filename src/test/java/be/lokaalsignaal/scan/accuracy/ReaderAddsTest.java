package be.lokaalsignaal.scan.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import be.lokaalsignaal.scan.reader.ReaderTrainer;
import be.lokaalsignaal.topics.SignalKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderAddsTest {

    private static ReaderExamples.Judged page(boolean labelled, boolean ruled, boolean mayAdd) {
        return new ReaderExamples.Judged(new ReaderTrainer.Example("p", null, labelled, "part"), ruled, mayAdd,
                null);
    }

    /** Eight pages: four the rules found, four they did not; five labelled with the kind. */
    private static final List<ReaderExamples.Judged> PAGES = List.of(
            page(true, true, true),     // 0.90: the rule's match stands
            page(true, true, true),     // 0.20: below what confirms it, taken away
            page(false, true, true),    // 0.40: a false match that stands
            page(false, true, false),   // 0.10: a false match taken away
            page(true, false, true),    // 0.95: added from any score up to 0.95
            page(false, false, true),   // 0.60: added wrongly from 0.60 down
            page(true, false, false),   // 0.99: high, but the reader may not add here
            page(true, false, true));   // 0.55: added from 0.55 down
    private static final double[] SCORES = {0.90, 0.20, 0.40, 0.10, 0.95, 0.60, 0.99, 0.55};

    @Test
    void theRulesMatchesStandFromTheConfirmingScoreAndTheReaderAddsOnlyWhereItMayAndNoRuleFoundTheKind() {
        ReaderAdds adds = ReaderAdds.of(SignalKind.CAMPAIGN, SCORES, PAGES, 0.30, new double[] {0.30},
                new double[] {0.50, 0.58, 0.70});

        assertThat(adds.withRules()).isEqualTo(new AccuracyReport.Figures(SignalKind.CAMPAIGN, 5, 1, 1, 4));
        assertThat(adds.adding()).extracting(ReaderAdds.Adding::from, ReaderAdds.Adding::right,
                ReaderAdds.Adding::wrong).containsExactly(tuple(0.50, 2, 1), tuple(0.58, 1, 1), tuple(0.70, 1, 0));
        assertThat(adds.adding().get(0).figures())
                .isEqualTo(new AccuracyReport.Figures(SignalKind.CAMPAIGN, 5, 3, 2, 2));
        assertThat(adds.adding().get(2).figures().precision()).isEqualTo(2 / 3.0);
        assertThat(adds.adding().get(2).figures().recall()).isEqualTo(2 / 5.0);
    }

    @Test
    void eachConfirmingScoreKeepsTheRulesMatchesScoredFromItAndNoneTheRulesDidNotFind() {
        ReaderAdds adds = ReaderAdds.of(SignalKind.CAMPAIGN, SCORES, PAGES, 0.30, new double[] {0.05, 0.15, 0.30, 0.95},
                new double[] {0.90});

        assertThat(adds.confirming()).extracting(ReaderAdds.Confirming::from, ReaderAdds.Confirming::right,
                ReaderAdds.Confirming::wrong).containsExactly(tuple(0.05, 2, 2), tuple(0.15, 2, 1),
                tuple(0.30, 1, 1), tuple(0.95, 0, 0));
        assertThat(adds.confirming().get(1).figures())
                .isEqualTo(new AccuracyReport.Figures(SignalKind.CAMPAIGN, 5, 2, 1, 3));
        // the table of the confirming score the reader has agrees with the matches that stand as it acts
        assertThat(adds.confirming().get(2).figures()).isEqualTo(adds.withRules());
    }

    @Test
    void scoresAndPagesThatDoNotPairUpAreRefused() {
        assertThatThrownBy(() -> ReaderAdds.of(SignalKind.CAMPAIGN, new double[] {0.5}, PAGES, 0.3, new double[] {0.3},
                new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 scores for 8 pages");
    }
}
