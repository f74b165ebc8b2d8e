package be.lokaalsignaal.scan.accuracy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Turns the text of a PDF document as the corpus keeps it (NNN-slug.pdf.txt: the first line is the document
 * title, a line holding only {@code <<<pagina>>>} starts a new page, an empty line a new paragraph) into a real
 * PDF, so that the corpus goes through the same PDF extraction as a crawled document. Lines longer than the page
 * is wide wrap; a page that is full continues on the next.
 */
public final class PdfText {

    public static final String PAGE_BREAK = "<<<pagina>>>";
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 14;
    private static final float MARGIN = 72;

    private PdfText() {
    }

    public static byte[] toPdf(String text) throws IOException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String title = lines.length == 0 ? "" : lines[0].strip();
        List<List<String>> pages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(PAGE_BREAK)) {
                pages.add(current);
                current = new ArrayList<>();
            } else {
                current.add(lines[i]);
            }
        }
        pages.add(current);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
            int perPage = (int) ((PDRectangle.LETTER.getHeight() - 2 * MARGIN) / LEADING);
            for (List<String> page : pages) {
                List<String> wrapped = new ArrayList<>();
                for (String line : page) {
                    wrapped.addAll(wrap(encodable(font, line), font, width));
                }
                for (int from = 0; from < Math.max(1, wrapped.size()); from += perPage) {
                    write(doc, font, wrapped.subList(Math.min(from, wrapped.size()),
                            Math.min(from + perPage, wrapped.size())));
                }
            }
            doc.getDocumentInformation().setTitle(title);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void write(PDDocument doc, PDType1Font font, List<String> lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(font, FONT_SIZE);
            cs.setLeading(LEADING);
            cs.newLineAtOffset(MARGIN, PDRectangle.LETTER.getHeight() - MARGIN);
            for (String line : lines) {
                if (!line.isBlank()) {
                    cs.showText(line);
                }
                cs.newLine();
            }
            cs.endText();
        }
    }

    /** The line with every character the standard font cannot show replaced by '?'. */
    private static String encodable(PDType1Font font, String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IllegalArgumentException | IOException e) {
                sb.append('?');
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static List<String> wrap(String line, PDType1Font font, float width) throws IOException {
        List<String> out = new ArrayList<>();
        if (textWidth(font, line) <= width) {
            out.add(line);
            return out;
        }
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            String next = current.length() == 0 ? word : current + " " + word;
            if (current.length() > 0 && textWidth(font, next) > width) {
                out.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(next);
            }
        }
        out.add(current.toString());
        return out;
    }

    private static float textWidth(PDType1Font font, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * FONT_SIZE;
    }
}
