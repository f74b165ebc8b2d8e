package be.lokaalsignaal.register;

/** A row of a register file that was skipped, and why. */
public record LoadProblem(String file, int line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
