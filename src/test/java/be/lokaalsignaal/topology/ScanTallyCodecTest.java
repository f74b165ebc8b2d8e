package be.lokaalsignaal.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ScanTallyCodecTest {
    private static ScanTally roundTrip(ScanTally t) {
        ScanTally.Codec codec = new ScanTally.Codec();
        return codec.deserializer().deserialize("changelog", codec.serializer().serialize("changelog", t));
    }

    @Test
    void aTallyReadsBackAsItWasWritten() {
        ScanTally t = new ScanTally();
        for (int n : new int[] {1, 2, 3, 9, 700}) {
            t.number(n);
        }
        t.byUrl = 4;
        t.before = 0;
        t.latest = 1_704_074_400_123L;
        t.expected = 700;
        t.sawKind("SITE_LINK");
        t.sawKind("CAMPAIGN");

        ScanTally back = roundTrip(t);

        assertThat(back.numbered).isEqualTo(5);
        assertThat(Arrays.equals(back.numbers, t.numbers)).isTrue();
        assertThat(back.byUrl).isEqualTo(4);
        assertThat(back.latest).isEqualTo(1_704_074_400_123L);
        assertThat(back.expected).isEqualTo(700);
        assertThat(back.kinds).containsExactly("CAMPAIGN", "SITE_LINK");
        assertThat(back.number(9)).as("page 9 was counted").isFalse();
        assertThat(back.counted()).isEqualTo(9);
    }

    @Test
    void anEmptyTallyReadsBackEmpty() {
        ScanTally back = roundTrip(new ScanTally());
        assertThat(back.numbers).isNull();
        assertThat(back.kinds).isNull();
        assertThat(back.expected).isEqualTo(-1);
        assertThat(back.whole()).isFalse();
    }

    @Test
    void aCutTallyIsAnErrorNamingWhereItWasRead() {
        ScanTally t = new ScanTally();
        t.number(3);
        byte[] bytes = new ScanTally.Codec().serializer().serialize("x", t);
        assertThatThrownBy(() -> new ScanTally.Codec().deserializer().deserialize("app-uptake-scan-tallies-changelog",
                Arrays.copyOf(bytes, bytes.length - 10)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("app-uptake-scan-tallies-changelog");
    }
}
