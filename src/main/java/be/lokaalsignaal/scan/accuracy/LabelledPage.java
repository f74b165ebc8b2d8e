package be.lokaalsignaal.scan.accuracy;

import be.lokaalsignaal.topics.SignalKind;
import java.nio.file.Path;
import java.util.Set;

/**
 * One page of the accuracy corpus with its label.
 *
 * @param file         the page: NNN-slug.html, or NNN-slug.pdf.txt for the text of a PDF document
 * @param url          where the page lives on the municipality's website
 * @param municipality whose website it is, as named in labels.yml
 * @param nisCode      that municipality's NIS code in the register
 * @param expected     every website signal kind the page shows
 * @param reason       why, in one line
 */
public record LabelledPage(Path file, String url, String municipality, String nisCode, Set<SignalKind> expected,
                           String reason) {

    public LabelledPage {
        expected = Set.copyOf(expected);
    }

    public boolean isPdf() {
        return file.getFileName().toString().endsWith(".pdf.txt");
    }

    public String name() {
        return file.getFileName().toString();
    }
}
