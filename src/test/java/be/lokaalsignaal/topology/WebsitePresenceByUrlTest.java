package be.lokaalsignaal.topology;

/** The rules of {@link WebsitePresenceTest} for pages without a page number (WARC files, crawlers from before page numbers). */
class WebsitePresenceByUrlTest extends WebsitePresenceTest {
    @Override
    UptakeFixture fixture() {
        return UptakeFixture.withoutPageNumbers();
    }
}
