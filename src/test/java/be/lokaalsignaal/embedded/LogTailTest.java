package be.lokaalsignaal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void aStartsExcerptHoldsOnlyWhatThatStartWroteAndEndsWithItsLastLines() throws Exception {
        Path log = dir.resolve("registry.log");
        Files.writeString(log, "an earlier run that went well\n");
        long mark = LogTail.mark(log);
        String lines = IntStream.rangeClosed(1, 12).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(log, lines + "\nERROR Failed to start: Database may be already in use\n", StandardOpenOption.APPEND);

        String tail = LogTail.since(log, mark);

        assertThat(tail).doesNotContain("earlier run").doesNotContain("line 5\n")
                .contains("line 6").endsWith("ERROR Failed to start: Database may be already in use");
        assertThat(tail.lines().filter(l -> !l.isBlank())).hasSize(8);
    }

    @Test
    void aStackTraceGivesItsMessageAndCausesNotItsFrames() throws Exception {
        Path log = dir.resolve("registry.log");
        Files.writeString(log, String.join("\n",
                "ERROR [io.quarkus.runtime.Application] Failed to start application",
                "java.lang.RuntimeException: Failed to start quarkus",
                "\tat io.quarkus.runner.ApplicationImpl.doStart(Unknown Source)",
                "\tat io.quarkus.runtime.Application.start(Application.java:101)",
                "Caused by: org.h2.jdbc.JdbcSQLNonTransientConnectionException: Database may be already in use",
                "\tat org.h2.message.DbException.getJdbcSQLException(DbException.java:690)",
                "\t... 12 more", ""));

        assertThat(LogTail.since(log, 0)).doesNotContain("at io.quarkus", "at org.h2", "12 more")
                .contains("Failed to start application", "Failed to start quarkus")
                .endsWith("Caused by: org.h2.jdbc.JdbcSQLNonTransientConnectionException: Database may be already in use");
    }

    @Test
    void aMissingOrUnchangedLogGivesNoExcerpt() throws Exception {
        Path log = dir.resolve("registry.log");
        assertThat(LogTail.mark(log)).isZero();
        assertThat(LogTail.since(log, 0)).isEmpty();
        Files.writeString(log, "written before the start\n");
        assertThat(LogTail.since(log, LogTail.mark(log))).isEmpty();
    }
}
