package be.lokaalsignaal.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.url.SiteScope;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private static final String PAGE = "https://www.gemeente.be/welzijn/";
    private static final SiteScope SCOPE = new SiteScope("www.gemeente.be");

    private static List<String> links(String html) {
        return HtmlExtractor.extract(html, PAGE, SCOPE).links().stream().map(Link::url).toList();
    }

    @Test
    void anchorAndImageMapLinksAreFound() {
        assertThat(links("<a href='https://www.seksueelgeweld.be/'>hulp</a>"
                + "<map name=m><area shape=rect coords=0,0,1,1 href='http://seksueelgeweld.be/chat' alt=chat></map>"))
                .containsExactly("https://www.seksueelgeweld.be/", "http://seksueelgeweld.be/chat");
    }

    @Test
    void baseHrefIsUsedForRelativeLinks() {
        assertThat(links("<html><head><base href='/nl/'></head><body><a href='welzijn/hulp'>x</a></body></html>"))
                .containsExactly("https://www.gemeente.be/nl/welzijn/hulp");
    }

    @Test
    void paddedAndProtocolRelativeHrefsAreResolved() {
        assertThat(links("<a href='  //WWW.SeksueelGeweld.be/chat  '>chat</a>"))
                .containsExactly("https://www.seksueelgeweld.be/chat");
    }

    @Test
    void linksInsideHtmlCommentsDoNotCount() {
        assertThat(links("<p>Hulp</p><!-- <a href='https://www.seksueelgeweld.be/'>oud</a> -->")).isEmpty();
    }

    @Test
    void ownRedirectWrapperIsUnwrapped() {
        List<Link> links = HtmlExtractor.extract(
                "<a href='/redirect?url=https%3A%2F%2Fwww.seksueelgeweld.be%2F'>Hulp</a>", PAGE, SCOPE).links();
        assertThat(links).extracting(Link::url)
                .containsExactly("https://www.gemeente.be/redirect?url=https%3A%2F%2Fwww.seksueelgeweld.be%2F",
                        "https://www.seksueelgeweld.be/");
        assertThat(links.get(1).wrapped()).isTrue();
    }

    @Test
    void someoneElsesWrapperIsNotUnwrapped() {
        assertThat(links("<a href='https://tracker.example.org/r?u=https%3A%2F%2Fwww.seksueelgeweld.be'>x</a>"))
                .hasSize(1);
    }

    @Test
    void visibleTextLeavesOutScriptsStylesAndComments() {
        PageContent c = HtmlExtractor.extract("<html><head><title> Welzijn </title><style>p{}</style></head><body>"
                + "<script>var s='www.seksueelgeweld.be';</script><!-- www.seksueelgeweld.be -->"
                + "<p>Hulp nodig?</p></body></html>", PAGE, SCOPE);
        assertThat(c.title()).isEqualTo("Welzijn");
        assertThat(c.text()).isEqualTo("Hulp nodig?");
    }

    @Test
    void paragraphsAreSplitAtBlockElementsAndSectionsFollowHeadings() {
        PageContent c = HtmlExtractor.extract("<h2>Campagne</h2><p>Nee is nee.</p><p>Tweede <b>alinea</b>.</p>"
                + "<h2>Afval</h2><p>Zwerfvuil</p>", PAGE, SCOPE);
        assertThat(c.paragraphBlocks()).containsExactly("Campagne", "Nee is nee.", "Tweede alinea.", "Afval", "Zwerfvuil");
        assertThat(c.blocks()).contains("Campagne\nNee is nee.\nTweede alinea.", "Afval\nZwerfvuil");
    }

    @Test
    void eachSectionSaysWhichParagraphItStartsAt() {
        PageContent c = HtmlExtractor.extract("<p>Menu</p><section><h2>Campagne</h2><p>Nee is nee.</p></section>"
                + "<article><div><p>Nachtleven</p><p>Fuifcharter</p></div></article>", PAGE, SCOPE);
        assertThat(c.paragraphBlocks()).containsExactly("Menu", "Campagne", "Nee is nee.", "Nachtleven", "Fuifcharter");
        assertThat(c.blocks().subList(c.paragraphs(), c.blocks().size()))
                .containsExactly("Campagne\nNee is nee.", "Campagne Nee is nee.", "Nachtleven Fuifcharter");
        assertThat(c.sectionStarts()).containsExactly(1, 1, 3);
    }

    @Test
    void whiteSpaceNoBreakSpacesAndControlsBecomeSingleSpacesAndNoneAtTheEnds() {
        assertThat(HtmlExtractor.normaliseSpace("  Nee \u00a0is\n\tnee\u0007 ")).isEqualTo("Nee is nee");
        assertThat(HtmlExtractor.normaliseSpace("Nee is nee")).isEqualTo("Nee is nee");
        assertThat(HtmlExtractor.normaliseSpace(" \n ")).isEmpty();
        assertThat(HtmlExtractor.normaliseSpace("")).isEmpty();
        assertThat(HtmlExtractor.normaliseSpace(null)).isEmpty();
    }

    @Test
    void malformedHtmlStillYieldsItsLinks() {
        assertThat(links("<div><p><a href=https://www.seksueelgeweld.be>hulp<p></div></span><table><td>x"))
                .containsExactly("https://www.seksueelgeweld.be/");
    }

    @Test
    void windows1252PageDecodesRightFromHeaderOrMetaOrGuess() {
        byte[] body = "<meta charset=windows-1252><title>Veiligheid in caf\u00e9s \u2018nu\u2019</title>"
                .getBytes(Charset.forName("windows-1252"));
        assertThat(Charsets.decodeHtml(body, body.length, "text/html")).contains("caf\u00e9s \u2018nu\u2019");
        byte[] noMeta = "<title>caf\u00e9s</title>".getBytes(Charset.forName("windows-1252"));
        assertThat(Charsets.decodeHtml(noMeta, noMeta.length, "text/html; charset=windows-1252")).contains("caf\u00e9s");
        assertThat(Charsets.decodeHtml(noMeta, noMeta.length, null)).contains("caf\u00e9s");
        byte[] utf8 = "<title>caf\u00e9s</title>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decodeHtml(utf8, utf8.length, "text/html")).contains("caf\u00e9s");
    }
}
