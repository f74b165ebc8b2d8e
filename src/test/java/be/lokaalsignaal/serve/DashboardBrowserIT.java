package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static final String PRESENT_FILL = "#1c6e8c";

    // Selenium warns that it knows no newer DevTools version; the test uses none. Held here so
    // java.util.logging keeps the level (it forgets loggers nobody references).
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static HttpApi api;
    static ApiClient client;
    static WebDriver driver;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver)");
        ApiClient.quietLogs();
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant(), ZoneId.of("Europe/Brussels"));
        api = HttpApi.start("127.0.0.1", 0, () -> true, new SampleUptakeSource(TODAY), clock);
        client = new ApiClient(api.port());

        profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1440,3000", "--lang=nl-BE");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (api != null) {
            api.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
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
        int campaigns = client.json("/api/summary?asOf=2024-06-30").path("flanders").path("counts").path("CAMPAIGN").asInt();
        assertThat(driver.findElements(By.cssSelector("#map path.municipality[data-status=present]"))).hasSize(campaigns);
    }

    @Test
    @Order(4)
    void shows_evidence_from_scanned_pages_as_text_and_links_only_to_http() {
        driver.get(client.base() + "/");
        awaitReady(TODAY.toString());
        WebElement name = driver.findElement(By.id("filter-name"));
        name.sendKeys("Gent");
        WebElement gent = driver.findElement(By.cssSelector("#municipality-rows tr[data-nis='44021']"));
        List<WebElement> links = gent.findElements(By.cssSelector("td.evidence a"));
        assertThat(links).extracting(a -> a.getAttribute("href")).containsExactlyInAnyOrder(
                "https://stad.gent/nl/welzijn-gezondheid/seksueel-geweld", "https://stad.gent/nl/uitgaan/veilig-uitgaan");
        // the matched snippet holds markup; it must stay text in a title, never become an element
        assertThat(links).anySatisfy(a -> assertThat(a.getAttribute("title")).contains("<a href=\"https://www.seksueelgeweld.be\">"));
    }

    private void assertShowsWhatTheApiAnswers(String asOf) {
        JsonNode summary = client.json("/api/summary" + asOf);
        JsonNode list = client.json("/api/municipalities" + asOf);
        JsonNode timeline = client.json("/api/timeline" + asOf);
        int total = summary.path("flanders").path("municipalities").asInt();

        for (String kind : List.of("SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE")) {
            WebElement card = driver.findElement(By.cssSelector("#cards .card[data-signal=" + kind + "]"));
            assertThat(card.findElement(By.cssSelector("[data-count]")).getText())
                    .as(kind).isEqualTo(summary.path("flanders").path("counts").path(kind).asText());
            assertThat(card.findElement(By.cssSelector("[data-total]")).getText()).isEqualTo(String.valueOf(total));
        }
        assertThat(driver.findElement(By.cssSelector("#breakdown tr[data-scope=Limburg] td[data-signal=SITE_LINK]")).getText())
                .isEqualTo(summary.path("provinces").path("Limburg").path("counts").path("SITE_LINK").asText());

        List<WebElement> paths = driver.findElements(By.cssSelector("#map path.municipality"));
        Set<String> mapped = new HashSet<>();
        paths.forEach(p -> mapped.add(p.getAttribute("data-nis")));
        Set<String> listed = new HashSet<>();
        list.forEach(m -> listed.add(m.path("nisCode").asText()));
        assertThat(mapped).isEqualTo(listed);
        List<WebElement> coloured = driver.findElements(By.cssSelector("#map path.municipality[data-status=present]"));
        assertThat(coloured).hasSize(summary.path("flanders").path("counts").path("SITE_LINK").asInt());
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
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
