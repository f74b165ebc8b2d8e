package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.register.Register;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewsletterReaderTest {

    private final NewsletterReader reader = new NewsletterReader(Register.bundled());

    private NewsletterIssue read(String resource) {
        NewsletterResult result = reader.readFile(Resources.path(resource));
        assertThat(result.errors()).isEmpty();
        return result.issues().get(0);
    }

    private static NewsletterItem item(NewsletterIssue issue, String headingStart) {
        return issue.getItems().stream().filter(i -> i.getHeading().startsWith(headingStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + headingStart + " in " + issue.getItems()));
    }

    @Test
    void aSavedPageBecomesAnIssueWithIdDateTitleAndItems() {
        NewsletterIssue issue = read("/newsletter/archive/2021-06-02-nieuwsbrief.html");

        assertThat(issue.getIssueId()).isEqualTo("2021-06-02-nieuwsbrief-lokaal-gelijkekansenbeleid-juni-2021");
        assertThat(issue.getDate()).isEqualTo(LocalDate.of(2021, 6, 2));
        assertThat(issue.getTitle()).isEqualTo("Nieuwsbrief lokaal gelijkekansenbeleid – juni 2021");
        assertThat(issue.getProvenance()).isNull();
        assertThat(issue.getContentHash()).hasSize(64);
        assertThat(issue.getItems()).extracting(NewsletterItem::getHeading).containsExactly(
                "Nieuwsbrief lokaal gelijkekansenbeleid – juni 2021",
                "Vermeld www.seksueelgeweld.be op uw gemeentelijke website",
                "Goede praktijk: Leuven pakt straatintimidatie aan",
                "Week van de Diversiteit in Gent",
                "Hulp na seksueel geweld",
                "Agenda");
        assertThat(item(issue, "Goede praktijk").getLinks()).containsExactly("https://www.leuven.be/leuven-zegt-nee");
        assertThat(item(issue, "Agenda").getText()).contains("• Lerend netwerk centrumsteden op 7 oktober in Mechelen.");
        assertThat(issue.getItems()).noneMatch(i -> i.getText().contains("Uitschrijven") || i.getText().contains("Vlaanderen.be >"));
    }

    @Test
    void anItemAskingLocalGovernmentsToMentionTheWatchedSiteIsACallWithTheRequestAsEvidence() {
        NewsletterItem call = item(read("/newsletter/archive/2021-06-02-nieuwsbrief.html"), "Vermeld");

        assertThat(call.getCall()).isTrue();
        assertThat(call.getCallSnippet())
                .startsWith("Wij vragen lokale besturen om de website te vermelden op hun gemeentelijke website")
                .hasSizeLessThanOrEqualTo(300);
        assertThat(call.getLinks()).containsExactly("https://www.seksueelgeweld.be/");
    }

    @Test
    void anItemThatOnlyNamesTheWatchedSiteIsNoCall() {
        NewsletterIssue issue = read("/newsletter/archive/2021-06-02-nieuwsbrief.html");

        assertThat(item(issue, "Hulp na seksueel geweld").getCall()).isFalse();
        assertThat(item(issue, "Hulp na seksueel geweld").getCallSnippet()).isNull();
        assertThat(issue.getItems()).filteredOn(NewsletterItem::getCall).hasSize(1);
    }

    @Test
    void aPracticeOnTheThemeFeaturesTheMunicipalityOnce() {
        NewsletterItem practice = item(read("/newsletter/archive/2021-06-02-nieuwsbrief.html"), "Goede praktijk");

        assertThat(practice.getFeatured()).extracting(FeaturedMunicipality::getNisCode).containsExactly("24062");
        FeaturedMunicipality leuven = practice.getFeatured().get(0);
        assertThat(leuven.getMatchedName()).isEqualTo("Leuven");
        assertThat(leuven.getSnippet()).contains("Leuven").hasSizeLessThanOrEqualTo(300);
        assertThat(practice.getCall()).isFalse();
    }

    @Test
    void anItemOnAnotherThemeThatNamesACityFeaturesNothing() {
        NewsletterIssue issue = read("/newsletter/archive/2021-06-02-nieuwsbrief.html");

        assertThat(item(issue, "Week van de Diversiteit").getFeatured()).isEmpty();
        assertThat(item(issue, "Agenda").getFeatured()).isEmpty();
    }

    @Test
    void aQuotedPrintableMailIsReadFromItsHtmlPartWithSubjectAndDateHeader() {
        NewsletterIssue issue = read("/newsletter/archive/2022-03-02-nieuwsbrief.eml");

        assertThat(issue.getIssueId()).isEqualTo("2022-03-02-nieuwsbrief-lokaal-gelijkekansenbeleid-maart-2022");
        assertThat(issue.getTitle()).isEqualTo("Nieuwsbrief lokaal gelijkekansenbeleid – maart 2022");
        assertThat(issue.getDate()).isEqualTo(LocalDate.of(2022, 3, 2));
        assertThat(issue.getItems()).extracting(NewsletterItem::getHeading).containsExactly(
                "Nieuwsbrief lokaal gelijkekansenbeleid – maart 2022",
                "Oproep: verwijs naar de website over seksueel geweld",
                "Kortrijk sensibiliseert rond grensoverschrijdend gedrag",
                "Subsidies voor toegankelijke speelpleinen");

        NewsletterItem call = item(issue, "Oproep");
        assertThat(call.getCall()).isTrue();
        assertThat(call.getCallSnippet()).contains("steden en gemeenten").contains("te verwijzen naar de website seksueel geweld");
        // the link goes through the mailing tool's redirect, which carries the target
        assertThat(call.getLinks()).singleElement().asString().startsWith("https://nieuwsbrief.example.be/r?");

        assertThat(item(issue, "Kortrijk").getFeatured()).extracting(FeaturedMunicipality::getNisCode).containsExactly("34022");
        assertThat(item(issue, "Kortrijk").getText()).contains("café");
        assertThat(item(issue, "Subsidies").getFeatured()).isEmpty();
    }

    @Test
    void aBase64PlainTextMailIsSplitIntoItemsByTitleLines() {
        NewsletterIssue issue = read("/newsletter/archive/2022-09-08-nieuwsbrief.eml");

        // sent at 23:30 UTC on 7 September: already 8 September in Brussels
        assertThat(issue.getDate()).isEqualTo(LocalDate.of(2022, 9, 8));
        assertThat(issue.getIssueId()).isEqualTo("2022-09-08-nieuwsbrief-lokaal-gelijkekansenbeleid-september-2022");
        assertThat(issue.getItems()).extracting(NewsletterItem::getHeading).containsExactly(
                "Veilig uitgaan in Genk", "Nieuw: toolkit toegankelijke communicatie", "Nog even herhalen");
        assertThat(item(issue, "Veilig uitgaan").getFeatured()).extracting(FeaturedMunicipality::getNisCode).containsExactly("71016");
        assertThat(item(issue, "Nieuw: toolkit").getLinks()).containsExactly("https://www.vlaanderen.be/toolkit-toegankelijk");
        assertThat(item(issue, "Nieuw: toolkit").getCall()).isFalse();
        NewsletterItem call = item(issue, "Nog even herhalen");
        assertThat(call.getCall()).isTrue();
        assertThat(call.getCallSnippet()).isEqualTo("We vragen lokale besturen om www.seksueelgeweld.be te vermelden op uw website.");
        assertThat(call.getLinks()).containsExactly("https://www.seksueelgeweld.be");
    }

    @Test
    void readingTheSameIssueTwiceGivesAnIdenticalRecord() {
        NewsletterIssue first = read("/newsletter/archive/2021-06-02-nieuwsbrief.html");
        NewsletterIssue again = read("/newsletter/archive/2021-06-02-nieuwsbrief.html");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void anEditedIssueKeepsItsIdWithANewHash() {
        NewsletterIssue original = read("/newsletter/archive/2021-06-02-nieuwsbrief.html");
        NewsletterIssue edited = read("/newsletter/edited/2021-06-02-nieuwsbrief.html");

        assertThat(edited.getIssueId()).isEqualTo(original.getIssueId());
        assertThat(edited.getContentHash()).isNotEqualTo(original.getContentHash());
    }

    @Test
    void whitespaceAndMarkupChangesDoNotChangeTheHash() throws Exception {
        String html = "<html><head><title>Nieuwsbrief</title><meta name=date content=2021-01-06></head><body>"
                + "<h2>Item</h2><p>Tekst   over <em>gelijke</em> kansen.</p></body></html>";
        String reformatted = "<html><head><title>Nieuwsbrief</title><meta name=\"date\" content=\"2021-01-06\"></head>\n<body>\n"
                + "  <h2>Item</h2>\n  <p>Tekst over\n  <strong>gelijke</strong> kansen.</p>\n</body></html>";

        NewsletterIssue a = reader.readHtml(html, "a.html", null, NewsletterReader.Hints.NONE);
        NewsletterIssue b = reader.readHtml(reformatted, "a.html", null, NewsletterReader.Hints.NONE);

        assertThat(b.getContentHash()).isEqualTo(a.getContentHash());
    }

    @Test
    void aVisibleWrittenDateIsUsedWhenThePageHasNoDateMetadata() throws Exception {
        String html = "<html><head><title>Nieuwsbrief gelijke kansen</title></head><body>"
                + "<p>Nieuwsbrief van 4 maart 2020</p><h2>Item</h2><p>Tekst.</p></body></html>";

        NewsletterIssue issue = reader.readHtml(html, "x.html", null, NewsletterReader.Hints.NONE);

        assertThat(issue.getDate()).isEqualTo(LocalDate.of(2020, 3, 4));
        assertThat(issue.getIssueId()).isEqualTo("2020-03-04-nieuwsbrief-gelijke-kansen");
    }

    @Test
    void callsAndFeaturesAreOnlyDetectedOnWordBoundaries() throws Exception {
        String html = "<html><head><title>N</title><meta name=date content=2021-01-06></head><body>"
                + "<h2>Onvermeld</h2><p>Onvermeldbaar: de niet-seksueelgeweld.bexyz site voor gemeentenraden.</p></body></html>";

        List<NewsletterItem> items = reader.readHtml(html, "x.html", null, NewsletterReader.Hints.NONE).getItems();

        assertThat(items).singleElement().satisfies(i -> assertThat(i.getCall()).isFalse());
    }
}
