package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import be.lokaalsignaal.testkit.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the dashboard in headless Chromium against a running server with the sample data and
 * checks that what it shows equals what the API answers. Needs Debian's chromium and
 * chromium-driver; without them the test is skipped.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static final String PRESENT_FILL = "#1c6e8c";

    static final Set<String> WEBSITE_KINDS = Set.of("SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE");

    static HttpApi api;
    static HttpApi unreachable;
    static ApiClient client;
    static ApiClient unreachableClient;
    static WebDriver driver;
    static Path profile;
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
        ApiClient.quietLogs();
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant(), ZoneId.of("Europe/Brussels"));
        api = HttpApi.start("127.0.0.1", 0, () -> true, new SampleUptakeSource(TODAY), clock);
        client = new ApiClient(api.port());
        unreachable = HttpApi.start("127.0.0.1", 0, () -> true, SampleUptakeSource.everyScanFails(TODAY), clock);
        unreachableClient = new ApiClient(unreachable.port());

        profile = Files.createTempDirectory("dashboard-chromium-");
        downloads = Files.createTempDirectory("dashboard-downloads-");
        driver = HeadlessChromium.start(profile);
        // downloads go to a directory of the test's own, without asking
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (api != null) {
            api.close();
        }
        if (unreachable != null) {
            unreachable.close();
        }
        for (Path dir : new Path[] {profile, downloads}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    @Order(1)
    void shows_todays_numbers_in_cards_map_timeline_and_table() throws IOException {
        driver.get(client.base() + "/");
        awaitReady(TODAY.toString());
        assertShowsWhatTheApiAnswers("");
        screenshot("dashboard.png");
    }

    @Test
    @Order(2)
    void reloads_everything_for_a_date_picked_before_the_mergers() throws IOException {
        driver.get(client.base() + "/");
        awaitReady(TODAY.toString());
        WebElement picker = driver.findElement(By.id("as-of"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", picker, "2021-12-31");
        awaitReady("2021-12-31");
        assertThat(driver.findElements(By.cssSelector("#map path.municipality"))).hasSize(300);
        assertShowsWhatTheApiAnswers("?asOf=2021-12-31");
        screenshot("dashboard-2021-12-31.png");
    }

    @Test
    @Order(3)
    void filters_the_table_and_recolours_the_map_on_request() {
        driver.get(client.base() + "/?asOf=2024-06-30");
        awaitReady("2024-06-30");
        new Select(driver.findElement(By.id("filter-province"))).selectByValue("Limburg");
        new Select(driver.findElement(By.id("filter-signal"))).selectByValue("SITE_LINK");
        int expected = client.json("/api/municipalities?asOf=2024-06-30&province=Limburg&signal=SITE_LINK").size();
        assertThat(driver.findElements(By.cssSelector("#municipality-rows tr"))).hasSize(expected);
        assertThat(driver.findElement(By.id("table-csv")).getAttribute("href"))
                .contains("province=Limburg").contains("signal=SITE_LINK").contains("asOf=2024-06-30");

        new Select(driver.findElement(By.id("map-signal"))).selectByValue("CAMPAIGN");
        int campaigns = client.json("/api/summary?asOf=2024-06-30").path("flanders").path("shown").path("CAMPAIGN").asInt();
        assertThat(driver.findElements(By.cssSelector("#map path.municipality[data-status=present]"))).hasSize(campaigns);
    }

    @Test
    @Order(4)
    void shows_evidence_as_readable_text_with_its_origin_and_links_only_to_http() {
        driver.get(client.base() + "/");
        awaitReady(TODAY.toString());
        WebElement name = driver.findElement(By.id("filter-name"));
        name.sendKeys("Gent");
        WebElement gent = driver.findElement(By.cssSelector("#municipality-rows tr[data-nis='44021']"));
        List<WebElement> links = gent.findElements(By.cssSelector("td.evidence a"));
        assertThat(links).extracting(a -> a.getAttribute("href")).contains(
                "https://stad.gent/nl/welzijn-gezondheid/seksueel-geweld", "https://stad.gent/nl/uitgaan/veilig-uitgaan",
                SampleUptakeSource.NIGHTLIFE_ISSUE_URL).allMatch(href -> href.startsWith("https://"));
        // the matched snippet holds markup: it is shown as text, without hovering, and never becomes an element
        WebElement link = gent.findElement(By.cssSelector("td.evidence .ev[data-signal=SITE_LINK]"));
        assertThat(link.isDisplayed()).isTrue();
        assertThat(link.findElement(By.cssSelector(".snippet")).getText()).contains("<a href=\"https://www.seksueelgeweld.be\">");
        assertThat(link.findElements(By.cssSelector(".snippet *"))).isEmpty();
        assertThat(link.findElement(By.cssSelector(".origin")).getText()).contains("website");
        // where the learning-network evidence came from
        assertThat(gent.findElement(By.cssSelector("td.evidence .ev[data-signal=LEARNING_NETWORK] .origin")).getText())
                .contains("lerend netwerk, sessie van 7-5-2021").contains("gereconstrueerd uit de parlementaire antwoorden");
        assertThat(gent.findElement(By.cssSelector("td.scan")).getText()).contains("volledig gescand");
    }

    @Test
    @Order(4)
    void shows_why_a_web_page_counted_the_rule_and_the_matched_phrases_next_to_the_snippet() {
        driver.get(client.base() + "/");
        awaitReady(TODAY.toString());
        driver.findElement(By.id("filter-name")).sendKeys("Mechelen");
        WebElement mechelen = driver.findElement(By.cssSelector("#municipality-rows tr[data-nis='12025']"));
        WebElement campaign = mechelen.findElement(By.cssSelector("td.evidence .ev[data-signal=CAMPAIGN]"));
        assertThat(campaign.findElement(By.cssSelector("a")).getAttribute("href")).isEqualTo("https://www.mechelen.be/nee-is-nee");
        assertThat(campaign.findElement(By.cssSelector(".snippet")).getText()).startsWith("Campagne 'Nee is nee'");
        WebElement why = campaign.findElement(By.cssSelector(".why"));
        assertThat(why.isDisplayed()).isTrue();
        // the actor first, then the phrases in the rule's order
        assertThat(why.getText()).isEqualTo("regel: campaign-local · actor: 'de stad Mechelen' · campagne: 'Campagne' · "
                + "thema: 'seksuele intimidatie' · lezer (score 0.91, drempel 0.50): 'campagne, affiches, {gemeente}'");
        assertThat(why.findElement(By.cssSelector(".phrase[data-role=actor]")).getAttribute("title"))
                .isEqualTo("de gemeente zelf; catalogus: @gemeente");
        // newsletter evidence has no rule: nothing to explain beyond its origin
        assertThat(mechelen.findElements(By.cssSelector("td.evidence .ev[data-signal=NEWSLETTER_FEATURE] .why"))).isEmpty();
    }

    @Test
    @Order(5)
    void applies_a_date_typed_key_by_key_only_once_it_is_complete_and_never_shows_an_older_answer() throws InterruptedException {
        driver.get(client.base() + "/");
        awaitReady(TODAY.toString());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.__requests = []; const f = window.fetch;"
                + "window.fetch = (u, o) => { window.__requests.push(String(u)); return f(u, o); };"
                + "window.__shown = []; new MutationObserver(() => window.__shown.push(document.body.dataset.asOf))"
                + ".observe(document.body, {attributes: true, attributeFilter: ['data-as-of']});");
        WebElement picker = driver.findElement(By.id("as-of"));
        js.executeScript("arguments[0].focus();", picker);
        // 12-12-2021 types the same in a day-month and a month-day field; on its way to 2021 the year
        // passes through 0002, 0020 and 0202, and 2025-12-12 (after today) stands there before it
        for (char key : "12122021".toCharArray()) {
            picker.sendKeys(String.valueOf(key));
        }
        awaitReady("2021-12-12");
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) js.executeScript("return window.__requests;");
        assertThat(requests).isNotEmpty().filteredOn(r -> r.contains("asOf=")).isNotEmpty()
                .allMatch(r -> r.contains("asOf=2021-12-12"), "only the complete date is asked for");
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) js.executeScript("return window.__shown;");
        assertThat(shown).containsOnly("2021-12-12");
        assertThat(driver.findElement(By.id("cards-scope")).getText()).contains("12-12-2021").contains("300 gemeenten");

        // a date before the register begins is not applied: the dashboard says which dates it takes
        js.executeScript("window.__requests = [];");
        js.executeScript("arguments[0].focus();", picker);
        for (char key : "01012018".toCharArray()) {
            picker.sendKeys(String.valueOf(key));
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("as-of-hint")).getText().isEmpty());
        assertThat(driver.findElement(By.id("as-of-hint")).getText()).contains("1-1-2019");
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) js.executeScript("return window.__requests;");
        assertThat(after).noneMatch(r -> r.contains("asOf=2018"));
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-as-of")).isEqualTo("2021-12-12");
    }

    @Test
    @Order(6)
    void downloads_the_report_as_of_the_date_with_the_numbers_of_the_api() throws IOException {
        driver.get(client.base() + "/?asOf=2024-12-31");
        awaitReady("2024-12-31");
        WebElement report = driver.findElement(By.id("report"));
        assertThat(report.getAttribute("href")).endsWith("/api/report?asOf=2024-12-31");
        report.click();
        Path file = downloads.resolve("rapport-2024-12-31.xlsx");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Files.exists(file)
                && !Files.exists(downloads.resolve("rapport-2024-12-31.xlsx.crdownload")));
        JsonNode flanders = client.json("/api/summary?asOf=2024-12-31").path("flanders");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet figures = book.getSheet("Kerncijfers");
            List<String> header = new java.util.ArrayList<>();
            figures.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(figures.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Vlaanderen");
            assertThat(figures.getRow(1).getCell(header.indexOf("Gemeenten")).getNumericCellValue()).isEqualTo(300);
            assertThat(figures.getRow(1).getCell(header.indexOf("Gescand")).getNumericCellValue()).isEqualTo(flanders.path("scanned").asDouble());
            assertThat(figures.getRow(1).getCell(header.indexOf("Link naar www.seksueelgeweld.be (van de gescande)")).getNumericCellValue())
                    .isEqualTo(flanders.path("shown").path("SITE_LINK").asDouble());
        }
        assertThat(driver.findElements(By.cssSelector("#downloads a[data-xlsx]"))).hasSize(6);
        assertThat(driver.findElements(By.cssSelector("#downloads a[data-csv-excel]"))).hasSize(6);
    }

    @Test
    @Order(7)
    void warns_when_every_website_was_unreachable_instead_of_showing_zeros() throws IOException {
        driver.get(unreachableClient.base() + "/");
        awaitReady(TODAY.toString());
        JsonNode flanders = unreachableClient.json("/api/summary").path("flanders");
        assertThat(flanders.path("scanned").asInt()).isZero();

        WebElement warning = driver.findElement(By.id("scan-warning"));
        assertThat(warning.isDisplayed()).isTrue();
        assertThat(warning.getText()).contains("Geen enkele gemeentelijke website").contains("285 van de 285 gemeenten niet bereikt")
                .contains("285 niet bereikbaar").contains("onbekend, niet nul");
        for (String kind : WEBSITE_KINDS) {
            WebElement card = driver.findElement(By.cssSelector("#cards .card[data-signal=" + kind + "]"));
            assertThat(card.getAttribute("class")).contains("unknown");
            assertThat(card.findElements(By.cssSelector("[data-count]"))).isEmpty();
            assertThat(card.getText()).contains("onbekend").contains("285 niet bereikt").doesNotContain("0 van 285");
        }
        assertThat(driver.findElement(By.id("cards")).getText()).doesNotContain("0 van 285");
        assertThat(driver.findElement(By.cssSelector("#breakdown tr[data-scope=flanders] td[data-not-scanned]")).getText()).isEqualTo("285");
        assertThat(driver.findElement(By.cssSelector("#breakdown tr[data-scope=flanders] td[data-signal=SITE_LINK]")).getText()).isEqualTo("onbekend");
        assertThat(driver.findElements(By.cssSelector("#map path.municipality[data-status=unknown]"))).hasSize(285);
        assertThat(driver.findElement(By.cssSelector("#scan")).getText()).contains("Alle websites van deze ronde zijn mislukt");
        screenshot("dashboard-all-unreachable.png");
    }

    @Test
    @Order(8)
    void fits_a_390_pixel_screen_and_never_shows_a_municipality_as_zero_percent() throws IOException {
        try {
            driver.manage().window().setSize(new Dimension(390, 900));
            driver.get(client.base() + "/");
            awaitReady(TODAY.toString());
            Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            screenshot("dashboard-390.png");
        } finally {
            driver.manage().window().setSize(new Dimension(1440, 3000));
        }
        JsonNode summary = client.json("/api/summary");
        for (WebElement card : driver.findElements(By.cssSelector("#cards .card"))) {
            String kind = card.getAttribute("data-signal");
            int count = summary.path("flanders").path("counts").path(kind).asInt();
            if (count > 0) {
                assertThat(card.findElement(By.cssSelector(".extra")).getText()).as(kind).doesNotStartWith("0%").doesNotContain(" 0%");
            }
        }
        // two of 285 municipalities were featured in the newsletter: less than one percent, not zero
        assertThat(driver.findElement(By.cssSelector("#cards .card[data-signal=NEWSLETTER_FEATURE] .extra")).getText()).contains("<1%");
        assertThat(client.get("/favicon.svg").statusCode()).isEqualTo(200);
    }

    private void assertShowsWhatTheApiAnswers(String asOf) {
        JsonNode summary = client.json("/api/summary" + asOf);
        JsonNode list = client.json("/api/municipalities" + asOf);
        JsonNode timeline = client.json("/api/timeline" + asOf);
        int total = summary.path("flanders").path("municipalities").asInt();

        int scanned = summary.path("flanders").path("scanned").asInt();
        for (String kind : List.of("SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE", "NEWSLETTER_FEATURE", "LEARNING_NETWORK")) {
            WebElement card = driver.findElement(By.cssSelector("#cards .card[data-signal=" + kind + "]"));
            // the shown count (detected - rejected + added), with the reviewed and unreviewed apart
            JsonNode flanders = summary.path("flanders");
            int shown = flanders.path("shown").path(kind).asInt();
            int reviewed = flanders.path("confirmed").path(kind).asInt() + flanders.path("added").path(kind).asInt();
            assertThat(card.findElement(By.cssSelector("[data-count]")).getText()).as(kind).isEqualTo(String.valueOf(shown));
            assertThat(card.findElement(By.cssSelector(".reviewed")).getAttribute("data-confirmed")).as(kind).isEqualTo(String.valueOf(reviewed));
            assertThat(card.findElement(By.cssSelector(".reviewed")).getAttribute("data-unconfirmed")).as(kind).isEqualTo(String.valueOf(shown - reviewed));
            // website signals are counted over the scanned municipalities, the others over all
            assertThat(card.findElement(By.cssSelector("[data-total]")).getText()).as(kind)
                    .isEqualTo(String.valueOf(WEBSITE_KINDS.contains(kind) ? scanned : total));
            if (WEBSITE_KINDS.contains(kind) && scanned < total) {
                assertThat(card.getText()).contains("gescande gemeenten").contains((total - scanned) + " niet bereikt");
            }
        }
        assertThat(driver.findElement(By.cssSelector("#breakdown tr[data-scope=Limburg] td[data-signal=SITE_LINK] [data-count]")).getText())
                .isEqualTo(summary.path("provinces").path("Limburg").path("shown").path("SITE_LINK").asText());

        List<WebElement> paths = driver.findElements(By.cssSelector("#map path.municipality"));
        Set<String> mapped = new HashSet<>();
        paths.forEach(p -> mapped.add(p.getAttribute("data-nis")));
        Set<String> listed = new HashSet<>();
        list.forEach(m -> listed.add(m.path("nisCode").asText()));
        assertThat(mapped).isEqualTo(listed);
        List<WebElement> coloured = driver.findElements(By.cssSelector("#map path.municipality[data-status=present]"));
        assertThat(coloured).hasSize(summary.path("flanders").path("shown").path("SITE_LINK").asInt());
        assertThat(coloured).allMatch(p -> PRESENT_FILL.equals(p.getAttribute("fill")));

        assertThat(driver.findElements(By.cssSelector("#timeline .marker[data-kind=call]"))).hasSize(timeline.path("calls").size());
        assertThat(driver.findElements(By.cssSelector("#timeline .marker[data-kind=session]"))).hasSize(timeline.path("sessions").size());
        JsonNode points = timeline.path("points");
        assertThat(driver.findElement(By.cssSelector("#timeline .uptake-line")).getAttribute("data-last-count"))
                .isEqualTo(points.get(points.size() - 1).path("count").asText());

        assertThat(driver.findElements(By.cssSelector("#municipality-rows tr"))).hasSize(list.size());
        assertThat(driver.findElements(By.cssSelector("#downloads a[data-csv]"))).hasSize(6);
    }

    private void awaitReady(String asOf) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            WebElement body = d.findElement(By.tagName("body"));
            if ("error".equals(body.getAttribute("data-state"))) {
                throw new AssertionError("dashboard error: " + d.findElement(By.id("message")).getText());
            }
            return "ready".equals(body.getAttribute("data-state")) && asOf.equals(body.getAttribute("data-as-of"));
        });
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }
}
