package be.lokaalsignaal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    private static final byte[] LATIN1_E_ACUTE = "Tiélt".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aByteThatIsNotUtf8IsRefusedRatherThanReplaced() {
        assertThatThrownBy(() -> StrictUtf8.decode(ByteBuffer.wrap(LATIN1_E_ACUTE)))
                .isInstanceOf(CharacterCodingException.class);
        assertThat(StrictUtf8.isValid(LATIN1_E_ACUTE, 0, LATIN1_E_ACUTE.length)).isFalse();
    }

    @Test
    void accentsWrittenAsUtf8AreKept() throws Exception {
        byte[] bytes = "Sint-Genesius-Rode, Ieper: ë é ç".getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.decode(ByteBuffer.wrap(bytes))).isEqualTo("Sint-Genesius-Rode, Ieper: ë é ç");
    }

    @Test
    void aFileLosesItsByteOrderMarkButNothingElse() throws Exception {
        byte[] bytes = "\uFEFFnis_code,name\n\uFEFF".getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.decodeFile(bytes)).isEqualTo("nis_code,name\n\uFEFF");
        assertThat(StrictUtf8.decodeFile(new byte[0])).isEmpty();
    }

    @Test
    void aCharacterCutInTwoIsNotValidButWhatCameBeforeItIs() {
        byte[] bytes = "café".getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.isValid(bytes, 0, bytes.length - 1)).isFalse();
        assertThat(StrictUtf8.isValid(bytes, 0, bytes.length - 2)).isTrue();
        assertThat(StrictUtf8.isValid(bytes, 1, 2)).isTrue();
    }
}
