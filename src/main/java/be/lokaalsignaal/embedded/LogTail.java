package be.lokaalsignaal.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The end of what a child process wrote to its log since a given offset, for an error message: a
 * child that dies on start says why in its log, and the user should not have to go and look.
 */
final class LogTail {
    /** Enough for the error and its cause, not a whole stack trace. */
    private static final int MAX_LINES = 8;
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {}

    /** The log's current length, to pass to {@link #since} later. */
    static long mark(Path log) {
        try {
            return Files.isRegularFile(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The last lines written after {@code offset} but a stack trace's frames, each indented; empty if there are none or
     * the log cannot be read.
     */
    static String since(Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(offset, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            Deque<String> last = new ArrayDeque<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
                // a Java stack trace's frames say where, its first line and its causes say why
                String stripped = line.strip();
                boolean frame = stripped.startsWith("at ") || stripped.startsWith("... ") && stripped.endsWith(" more");
                if (!stripped.isEmpty() && !frame) {
                    last.addLast(stripped);
                    if (last.size() > MAX_LINES) {
                        last.removeFirst();
                    }
                }
            }
            return last.isEmpty() ? "" : "\n  " + String.join("\n  ", last);
        } catch (IOException e) {
            return "";
        }
    }
}
