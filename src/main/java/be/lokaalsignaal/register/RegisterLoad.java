package be.lokaalsignaal.register;

import java.util.List;

/** The register loaded from a file, with the rows that were skipped. */
public record RegisterLoad(Register register, List<LoadProblem> problems) {

    public RegisterLoad {
        problems = List.copyOf(problems);
    }
}
