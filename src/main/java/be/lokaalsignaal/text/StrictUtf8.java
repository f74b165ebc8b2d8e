package be.lokaalsignaal.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that refuses bytes which are not UTF-8 instead of replacing them with U+FFFD: a wrong byte in a
 * user's file, a URL or a fetched page must be reported (or the page's declared charset doubted), never turned
 * silently into a question mark in stored evidence. Every stage that reads text uses this one decoder.
 */
public final class StrictUtf8 {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StrictUtf8() {
    }

    public static String decode(ByteBuffer bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes)
                .toString();
    }

    /** A whole file's text; the byte-order mark that some editors write first is not part of it. */
    public static String decodeFile(byte[] bytes) throws CharacterCodingException {
        String text = decode(ByteBuffer.wrap(bytes));
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    public static boolean isValid(byte[] bytes, int offset, int length) {
        try {
            decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
