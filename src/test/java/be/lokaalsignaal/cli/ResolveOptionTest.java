package be.lokaalsignaal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.app.UserError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code run --resolve HOST=IP}: parsed into the crawler's overrides, bad values refused before anything starts. */
class ResolveOptionTest {

    @Test
    void valuesBecomeLowerCaseHostToAddress() {
        assertThat(RunCommand.resolveOverrides(List.of("WWW.Gemeente-A.test=127.0.1.1", "gemeente-a.test = 127.0.1.1",
                "www.gemeente-b.test=[::1]", "intranet=10.0.0.7", "www.gemeente-a.test=127.0.1.1")))
                .containsExactly(
                        Map.entry("www.gemeente-a.test", "127.0.1.1"),
                        Map.entry("gemeente-a.test", "127.0.1.1"),
                        Map.entry("www.gemeente-b.test", "::1"),
                        Map.entry("intranet", "10.0.0.7"));
    }

    @Test
    void twoAddressesForOneHostAreRefused() {
        assertThatThrownBy(() -> RunCommand.resolveOverrides(List.of("www.a.test=127.0.0.1", "WWW.A.TEST=127.0.0.2")))
                .isInstanceOf(UserError.class)
                .hasMessage("--resolve gives two addresses for www.a.test: 127.0.0.1 and 127.0.0.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.a.test", "www.a.test:80:127.0.0.1", "=127.0.0.1", "www.a.test=", "www.a.test=localhost",
        "www.a.test=256.1.1.1", "www.a.test=1.2.3", "www a.test=127.0.0.1", "http://www.a.test=127.0.0.1", "www.a.test=::g"})
    void badValuesExitWithTwoAndOneLine(String value) {
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("run", "--resolve", "www.ok.test=127.0.0.1", "--resolve", value);

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).startsWith("lokaal-signaal: --resolve ").contains("HOST=IP").hasLineCount(1);
    }
}
