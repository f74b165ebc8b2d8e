package be.lokaalsignaal.scan.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.lokaalsignaal.scan.accuracy.AccuracyReport.Bounds;
import be.lokaalsignaal.scan.accuracy.AccuracyReport.Figures;
import be.lokaalsignaal.topics.SignalKind;
import org.junit.jupiter.api.Test;

class AccuracyFiguresTest {

    @Test
    void fiftyFourRightOfSixtyFourFoundLieBetweenSeventyThreeAndNinetyTwoPercent() {
        // the 2.5 % quantile of Beta(54, 11) and the 97.5 % quantile of Beta(55, 10), computed apart from this code
        Figures campaigns = new Figures(SignalKind.CAMPAIGN, 64, 54, 10, 10);

        Bounds precision = campaigns.precisionBounds().orElseThrow();

        assertThat(precision.low()).isCloseTo(0.7314, within(0.0001));
        assertThat(precision.high()).isCloseTo(0.9224, within(0.0001));
        assertThat(campaigns.recallBounds()).contains(precision);
    }

    @Test
    void everyPageRightStillLeavesRoomBelowOne() {
        // 33 of 33: the low bound is 0.025 to the power 1/33
        Bounds mentions = new Figures(SignalKind.SITE_MENTION, 33, 33, 0, 0).precisionBounds().orElseThrow();

        assertThat(mentions.low()).isCloseTo(Math.pow(0.025, 1.0 / 33), within(1e-9));
        assertThat(mentions.high()).isEqualTo(1.0);
    }

    @Test
    void aKindNeitherFoundNorLabelledHasNoBounds() {
        Figures none = new Figures(SignalKind.NIGHTLIFE, 0, 0, 0, 0);

        assertThat(none.precision()).isEqualTo(1.0);
        assertThat(none.precisionBounds()).isEmpty();
        assertThat(none.recallBounds()).isEmpty();
    }
}
