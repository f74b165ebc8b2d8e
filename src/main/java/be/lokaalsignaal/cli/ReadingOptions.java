package be.lokaalsignaal.cli;

import be.lokaalsignaal.app.UserError;
import be.lokaalsignaal.register.LoadProblem;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.register.RegisterException;
import be.lokaalsignaal.scan.rules.CatalogueException;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What a command reads pages with outside a running scan: the register and the signal catalogue, bundled or given. */
final class ReadingOptions {

    @Option(names = "--municipalities", paramLabel = "FILE",
            description = "CSV register of the municipalities, their names and websites (default: the bundled register).")
    Path municipalities;

    @Option(names = "--signals", paramLabel = "FILE", description = "YAML signal rule catalogue (default: the bundled one).")
    Path signals;

    /** The register; a row it skipped is told on err, as the run command tells it. */
    Register register(PrintWriter err) {
        if (municipalities == null) {
            return Register.bundled();
        }
        try {
            var load = Register.load(municipalities);
            for (LoadProblem problem : load.problems()) {
                err.println("lokaal-signaal: skipped " + problem);
            }
            return load.register();
        } catch (RegisterException e) {
            throw new UserError("--municipalities: " + e.getMessage(), e);
        }
    }

    SignalCatalogue catalogue() {
        try {
            return signals == null ? SignalCatalogue.bundled() : SignalCatalogue.load(signals);
        } catch (CatalogueException e) {
            throw new UserError("--signals: " + e.getMessage(), e);
        }
    }
}
