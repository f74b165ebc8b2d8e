package be.lokaalsignaal.scan.extract;

import be.lokaalsignaal.scan.url.Urls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text, title and link annotations of a PDF document (safety plans are often PDFs). */
public final class PdfExtractor {

    /** Pages read per document: enough for any plan, a bound on CPU for a hostile file. */
    private static final int MAX_PAGES = 400;

    private PdfExtractor() {
    }

    public static PageContent extract(byte[] body, int length, String url) throws IOException {
        byte[] bytes = length == body.length ? body : java.util.Arrays.copyOf(body, length);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd("\n\n");
            List<String> paragraphs = new ArrayList<>();
            List<String> pages = new ArrayList<>();
            // each page's text is its paragraphs joined by a space: where it starts among them
            List<Integer> starts = new ArrayList<>();
            int pageCount = Math.min(doc.getNumberOfPages(), MAX_PAGES);
            for (int p = 1; p <= pageCount; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                int first = paragraphs.size();
                for (String para : text.split("\\n\\s*\\n")) {
                    String t = HtmlExtractor.normaliseSpace(para);
                    if (!t.isEmpty()) {
                        paragraphs.add(t);
                    }
                }
                String page = HtmlExtractor.normaliseSpace(text);
                if (!page.isEmpty()) {
                    pages.add(page);
                    starts.add(first < paragraphs.size() ? first : -1);
                }
            }
            String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
            if (title == null || title.isBlank()) {
                title = paragraphs.isEmpty() ? null : firstLine(paragraphs.get(0));
            }
            List<String> blocks = new ArrayList<>(paragraphs);
            blocks.addAll(pages);
            return new PageContent(url, title == null ? null : title.strip(), blocks, paragraphs.size(), starts,
                    links(doc, url, pageCount));
        }
    }

    private static String firstLine(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static List<Link> links(PDDocument doc, String url, int pageCount) throws IOException {
        Set<Link> links = new LinkedHashSet<>();
        for (int i = 0; i < pageCount; i++) {
            PDPage page = doc.getPage(i);
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link) {
                    PDAction action = link.getAction();
                    if (action instanceof PDActionURI uri && uri.getURI() != null) {
                        Urls.resolve(url, uri.getURI()).ifPresent(u -> links.add(new Link(u, "", false)));
                    }
                }
            }
        }
        return new ArrayList<>(links);
    }
}
