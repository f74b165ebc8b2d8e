package be.lokaalsignaal.scan.rules;

/** A signal catalogue that cannot be used; the message names the file and the field. */
public final class CatalogueException extends IllegalArgumentException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
