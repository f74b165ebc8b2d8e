package be.lokaalsignaal.scan.extract;

/**
 * An outbound link of a page.
 *
 * @param url     absolute, normalised http(s) URL
 * @param text    anchor text (or alt text of an image-map area), for evidence
 * @param wrapped true when the URL was taken out of a redirect wrapper's query parameter
 */
public record Link(String url, String text, boolean wrapped) {
}
