package be.lokaalsignaal.source;

import be.lokaalsignaal.text.StrictUtf8;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading input files strictly: a missing, unreadable, empty or non-UTF-8 file is a {@link SourceException}. */
public final class TextFiles {

    private TextFiles() {
    }

    public static byte[] readBytes(Path file) throws SourceException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SourceException("file not found");
        } catch (AccessDeniedException e) {
            throw new SourceException("file cannot be read: permission denied");
        } catch (IOException e) {
            throw new SourceException("file cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new SourceException("file is empty");
        }
        return bytes;
    }

    public static String readUtf8(Path file) throws SourceException {
        return decodeUtf8(readBytes(file));
    }

    public static String decodeUtf8(byte[] bytes) throws SourceException {
        try {
            return StrictUtf8.decodeFile(bytes);
        } catch (CharacterCodingException e) {
            throw new SourceException("not valid UTF-8 (save the file as UTF-8)");
        }
    }
}
