package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.scan.extract.HtmlExtractor;
import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.scan.url.SiteScope;

final class CatalogueTestPages {

    private CatalogueTestPages() {
    }

    static PageContent html(String url, String html) {
        return HtmlExtractor.extract(html, url, SiteScope.ofUrl(url));
    }

    static PageContent html(String html) {
        return html("https://www.gemeente.be/nieuws/bericht", html);
    }
}
