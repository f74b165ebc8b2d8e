package be.lokaalsignaal.source;

/**
 * Input that could not be used: a file, a line of a file, a mail, a feed or a page. Returned
 * beside the records that could be read, so one bad input never stops the others.
 *
 * @param source the path (with ":line" where known) or URL
 * @param reason what is wrong, in words a person maintaining the input understands
 */
public record SourceError(String source, String reason) {

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
