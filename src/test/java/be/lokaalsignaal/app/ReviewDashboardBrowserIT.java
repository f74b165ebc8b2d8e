package be.lokaalsignaal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.lokaalsignaal.serve.reviews.Reviewers;
import be.lokaalsignaal.testkit.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer in headless Chromium against the whole application on the real broker and registry:
 * logs in on the dashboard, rejects a finding of the review queue with a reason and sees the
 * count change once the topology has applied the review. Screenshot in target/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReviewDashboardBrowserIT {
    private static final String MECHELEN = "12025";
    private static final String NAME = "lotte.maes";
    private static final String PASSWORD = "Veilig-uitgaan-2025";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dir;
    private LoopbackSite mechelen;
    private LoopbackSite gent;
    private Application app;
    private int port;
    private WebDriver driver;

    @BeforeAll
    void start_the_sites_the_application_and_the_browser() throws IOException {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
        dir = Files.createTempDirectory("review-dashboard-it-");
        mechelen = LoopbackSite.start("www.mechelen.test")
                .page("/", "Stad Mechelen", "<a href='/nieuws/politie-deelt'>Nieuws</a>")
                .page("/nieuws/politie-deelt", "De politiezone deelt",
                        "<p>Op de site van de politiezone: wie slachtoffer werd, vindt hulp op "
                                + "<a href='https://www.seksueelgeweld.be/'>seksueelgeweld.be</a>.</p>");
        gent = LoopbackSite.start("www.gent.test")
                .page("/", "Stad Gent", "<p>Seksueel geweld? Praat erover: <a href='https://www.seksueelgeweld.be/'>www.seksueelgeweld.be</a>.</p>");
        Path register = Files.writeString(dir.resolve("gemeenten.csv"), String.join("\n",
                "nis_code,name,province,website",
                MECHELEN + ",Mechelen,Antwerpen," + mechelen.url(),
                "44021,Gent,Oost-Vlaanderen," + gent.url()) + "\n");
        Path reviewers = dir.resolve("reviewers");
        Reviewers.put(reviewers, NAME, PASSWORD);
        TestSettings settings = TestSettings.embedded(dir.resolve("data"))
                .municipalities(register).reviewers(reviewers)
                .allowPrivateHosts().crawlDelay(Duration.ZERO).crawlTimeout(Duration.ofSeconds(5))
                .resolve(Map.of(mechelen.host(), "127.0.0.1", gent.host(), "127.0.0.1"));
        app = Application.start(settings.build());
        port = settings.httpPort();
        // both sites scanned and their links counted before the browser looks
        await().atMost(PATIENCE).until(() -> summary().path("shown").path("SITE_LINK").asInt() == 2);
        driver = HeadlessChromium.start(Files.createDirectory(dir.resolve("chromium")));
    }

    @AfterAll
    void stop_everything() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        for (AutoCloseable c : new AutoCloseable[] {app, mechelen, gent}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // the others still stop
                }
            }
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private JsonNode summary() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/summary")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("flanders") : JSON.createObjectNode();
    }

    private JsonNode auditTrail() throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reviews")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void a_reviewer_logs_in_rejects_a_finding_with_a_reason_and_sees_the_count_change() throws Exception {
        driver.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        // the page renders its figures anew on every reload while the review is being applied
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
        WebElement linkCard = driver.findElement(By.cssSelector("#cards .card[data-signal=SITE_LINK]"));
        assertThat(linkCard.findElement(By.cssSelector("[data-count]")).getText()).isEqualTo("2");
        assertThat(linkCard.findElement(By.cssSelector(".reviewed")).getText()).isEqualTo("0 bevestigd · 2 niet beoordeeld");

        driver.findElement(By.id("login-name")).sendKeys(NAME);
        driver.findElement(By.id("login-password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-button")).click();
        wait.until(d -> d.findElement(By.id("reviewer")).isDisplayed());
        assertThat(driver.findElement(By.id("reviewer-name")).getText()).isEqualTo(NAME);
        WebElement row = driver.findElement(By.cssSelector("#review-queue tr[data-nis='" + MECHELEN + "'][data-kind=SITE_LINK]"));
        assertThat(row.getAttribute("data-finding")).isEqualTo(mechelen.url("/nieuws/politie-deelt"));
        assertThat(row.getText()).contains("regel: seksueelgeweld-link").contains("seksueelgeweld.be").contains("Mechelen");
        assertThat(row.findElement(By.cssSelector("a")).getAttribute("href")).isEqualTo(mechelen.url("/nieuws/politie-deelt"));

        // without a reason the dashboard asks for one and stores nothing
        row.findElement(By.cssSelector("button[data-action=reject]")).click();
        assertThat(driver.findElement(By.id("review-message")).getText()).contains("reden");
        assertThat(auditTrail()).isEmpty();

        row.findElement(By.cssSelector("input.reason")).sendKeys("Een bericht van de politiezone, geen verwijzing van de stad zelf.");
        row.findElement(By.cssSelector("button[data-action=reject]")).click();

        wait.until(d -> "1".equals(d.findElement(By.cssSelector("#cards .card[data-signal=SITE_LINK] [data-count]")).getText()));
        wait.until(d -> d.findElement(By.id("review-message")).getText().contains("bijgewerkt."));
        // the queue counts what it lists; the bundled newsletters and sessions may still be adding findings of their
        // own meanwhile, so its count is compared with its rows, not with the count before
        wait.until(d -> d.findElement(By.id("queue-count")).getAttribute("data-count").equals(
                String.valueOf(d.findElements(By.cssSelector("#review-queue tbody tr")).size())));
        assertThat(driver.findElements(By.cssSelector("#review-queue tr[data-nis='" + MECHELEN + "'][data-kind=SITE_LINK]"))).isEmpty();
        WebElement cell = driver.findElement(By.cssSelector("#municipality-rows tr[data-nis='" + MECHELEN + "'] td[data-signal=SITE_LINK]"));
        assertThat(cell.getAttribute("data-reviewed")).isEqualTo("REJECTED");
        assertThat(cell.getText()).contains("verworpen door " + NAME);
        assertThat(driver.findElement(By.cssSelector("#breakdown tr[data-scope=flanders] td[data-signal=SITE_LINK] [data-count]")).getText())
                .isEqualTo("1");
        HeadlessChromium.screenshot(driver, "dashboard-review.png");

        JsonNode trail = auditTrail();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).path("reviewer").asText()).isEqualTo(NAME);
        assertThat(trail.get(0).path("reason").asText()).contains("politiezone");
        assertThat(summary().path("rejected").path("SITE_LINK").asInt()).isEqualTo(1);
    }
}
