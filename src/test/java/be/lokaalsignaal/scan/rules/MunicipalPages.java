package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.extract.HtmlExtractor;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.url.SiteScope;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pages of a municipality's own site, read by the bundled catalogue's rules with the register's names. The rules
 * alone: a test of a rule asks what the rule finds; what the campaign reader makes of a page of two sentences is
 * asked elsewhere (ReaderInCatalogueTest, BundledReadersTest).
 */
final class MunicipalPages {

    static final String MECHELEN = "12025";
    static final String HALLE = "23027";
    static final String WILLEBROEK = "12040";
    static final SignalCatalogue CATALOGUE = SignalCatalogue.bundled().withoutReaders()
            .withPlaces(Places.of(Register.bundled()));

    private MunicipalPages() {
    }

    /** The content in a site's frame: its name in the header, navigation, its address in the footer. */
    static PageContent page(String siteName, String main) {
        String html = "<!DOCTYPE html><html lang='nl'><head><title>Nieuws | " + siteName + "</title></head><body>"
                + "<header><a href='/'>" + siteName + "</a><nav><ul><li><a href='/wonen'>Wonen</a></li>"
                + "<li><a href='/veiligheid'>Veiligheid</a></li></ul></nav></header><main>" + main + "</main>"
                + "<footer><p>" + siteName + ", Grote Markt 1</p></footer></body></html>";
        String url = "https://www.example-gemeente.be/nieuws/bericht";
        return HtmlExtractor.extract(html, url, SiteScope.ofUrl(url));
    }

    static List<RuleMatch> matches(String nis, PageContent page) {
        return CATALOGUE.analyse(page, nis);
    }

    static Set<String> kinds(String nis, PageContent page) {
        Set<String> kinds = new TreeSet<>();
        for (RuleMatch m : matches(nis, page)) {
            kinds.add(m.getKind());
        }
        return kinds;
    }
}
