package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpApiTest {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant(),
            ZoneId.of("Europe/Brussels"));

    static SampleUptakeSource source;
    static HttpApi api;
    static ApiClient client;
    static final AtomicBoolean ready = new AtomicBoolean(true);

    @BeforeAll
    static void start() {
        ApiClient.quietLogs();
        source = new SampleUptakeSource(TODAY);
        api = HttpApi.start("127.0.0.1", 0, ready::get, source, CLOCK);
        client = new ApiClient(api.port());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    static long present(List<JsonNode> list, String kind) {
        return list.stream().filter(m -> m.path("signals").path(kind).path("present").asBoolean()).count();
    }

    static final Set<String> WEBSITE_KINDS = Set.of("SITE_LINK", "SITE_MENTION", "CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE");

    /** What a total counts: website kinds over the scanned municipalities, the other kinds over all. */
    static long counted(List<JsonNode> list, String kind) {
        return list.stream().filter(m -> m.path("signals").path(kind).path("present").asBoolean())
                .filter(m -> !WEBSITE_KINDS.contains(kind) || m.path("scan").path("scanned").asBoolean()).count();
    }

    static final List<String> MUNICIPALITY_FIELDS = List.of("nisCode", "name", "province", "centreCity", "validFrom", "validUntil",
            "successor", "website", "websiteConfidence", "websiteSource", "scan", "signals", "featuredIn", "presentedAt", "lastScan");

    @Nested
    class Health {
        @Test
        void says_what_it_is_waiting_for_while_not_up() {
            Readiness waiting = () -> Readiness.Health.notReady(List.of("the topology has not yet processed 12 records published before start-up"));
            try (HttpApi starting = HttpApi.start("127.0.0.1", 0, waiting, source, CLOCK)) {
                HttpResponse<String> response = new ApiClient(starting.port()).get("/api/health");
                assertThat(response.statusCode()).isEqualTo(503);
                JsonNode body = ApiClient.parse(response.body());
                assertThat(body.path("status").asText()).isEqualTo("STARTING");
                assertThat(body.path("waitingFor")).extracting(JsonNode::asText)
                        .containsExactly("the topology has not yet processed 12 records published before start-up");
            }
            assertThat(fields(client.json("/api/health"))).containsExactly("status");
        }

        @Test
        void answers_up_when_the_system_is_ready_and_503_while_it_starts() {
            assertThat(client.json("/api/health").path("status").asText()).isEqualTo("UP");
            ready.set(false);
            try {
                HttpResponse<String> starting = client.get("/api/health");
                assertThat(starting.statusCode()).isEqualTo(503);
                assertThat(ApiClient.parse(starting.body()).path("status").asText()).isEqualTo("STARTING");
            } finally {
                ready.set(true);
            }
        }
    }

    @Nested
    class Municipalities {
        @Test
        void lists_the_285_municipalities_in_force_today_and_the_300_before_the_mergers() {
            assertThat(client.json("/api/municipalities")).hasSize(285);
            assertThat(client.json("/api/municipalities?asOf=2024-12-31")).hasSize(300);
            assertThat(client.json("/api/municipalities?asOf=2025-01-01")).hasSize(285);
        }

        @Test
        void gives_every_element_the_documented_shape_with_one_entry_per_signal_kind() {
            for (JsonNode m : client.json("/api/municipalities")) {
                assertThat(fields(m)).containsExactlyInAnyOrderElementsOf(MUNICIPALITY_FIELDS);
                assertThat(fields(m.path("scan"))).containsExactlyInAnyOrder("scanned", "outcome", "reason", "at",
                        "firstCompleteScanAt", "lastCompleteScanAt");
                assertThat(fields(m.path("signals")))
                        .containsExactlyInAnyOrderElementsOf(Arrays.stream(SignalKind.values()).map(Enum::name).toList());
                for (JsonNode s : m.path("signals")) {
                    assertThat(fields(s)).containsExactlyInAnyOrder("present", "counts", "reviewed", "reviewedBy", "reviewedAt", "firstSeen", "lastSeen", "lostAt",
                            "evidence", "periods", "reviews");
                }
            }
        }

        @Test
        void filters_on_a_present_signal() {
            List<JsonNode> all = elements(client.json("/api/municipalities"));
            List<JsonNode> linking = elements(client.json("/api/municipalities?signal=SITE_LINK"));
            assertThat(linking).hasSize((int) present(all, "SITE_LINK")).isNotEmpty();
            assertThat(linking).allMatch(m -> m.path("signals").path("SITE_LINK").path("present").asBoolean());
            assertThat(client.json("/api/municipalities?signal=site_link")).hasSize(linking.size());
        }

        @Test
        void filters_on_whether_the_municipality_is_scanned() {
            List<JsonNode> all = elements(client.json("/api/municipalities"));
            List<JsonNode> scanned = elements(client.json("/api/municipalities?scanned=true"));
            List<JsonNode> notScanned = elements(client.json("/api/municipalities?scanned=false"));
            assertThat(scanned.size() + notScanned.size()).isEqualTo(all.size());
            assertThat(scanned).isNotEmpty().allMatch(m -> m.path("scan").path("scanned").asBoolean());
            assertThat(notScanned).isNotEmpty().allMatch(m -> !m.path("scan").path("scanned").asBoolean());
        }

        @Test
        void filters_on_province_and_centre_city() {
            assertThat(client.json("/api/municipalities?province=Antwerpen")).hasSize(67)
                    .allMatch(m -> m.path("province").asText().equals("Antwerpen"));
            assertThat(client.json("/api/municipalities?province=Antwerpen&asOf=2021-12-31")).hasSize(69);
            assertThat(client.json("/api/municipalities?centreCity=true")).hasSize(13)
                    .allMatch(m -> m.path("centreCity").asBoolean());
            assertThat(client.json("/api/municipalities?centreCity=false")).hasSize(272);
            assertThat(client.json("/api/municipalities?centreCity=true&province=Oost-Vlaanderen&signal=LEARNING_NETWORK"))
                    .extracting(m -> m.path("name").asText()).containsExactly("Gent");
        }

        @Test
        void shows_each_municipality_as_it_stood_on_the_asked_date() {
            JsonNode before = client.json("/api/municipalities/44021?asOf=2021-03-01");
            JsonNode after = client.json("/api/municipalities/44021?asOf=2021-04-01");
            assertThat(before.path("signals").path("SITE_LINK").path("present").asBoolean()).isFalse();
            assertThat(before.path("signals").path("SITE_LINK").path("firstSeen").isNull()).isTrue();
            assertThat(after.path("signals").path("SITE_LINK").path("present").asBoolean()).isTrue();
            assertThat(after.path("signals").path("SITE_LINK").path("firstSeen").asText()).isEqualTo("2021-03-15T09:00:00Z");
            assertThat(after.path("signals").path("SITE_LINK").path("evidence").get(0).path("url").asText())
                    .isEqualTo("https://stad.gent/nl/welzijn-gezondheid/seksueel-geweld");

            long linking2021 = present(elements(client.json("/api/municipalities?asOf=2021-06-30")), "SITE_LINK");
            long linkingToday = present(elements(client.json("/api/municipalities")), "SITE_LINK");
            assertThat(linking2021).isLessThan(linkingToday);
        }
    }

    @Nested
    class OneMunicipality {
        @Test
        void has_exactly_the_documented_shape_with_iso_dates_and_nulls() {
            JsonNode m = client.json("/api/municipalities/12025");
            assertThat(fields(m)).containsExactlyInAnyOrderElementsOf(MUNICIPALITY_FIELDS);
            assertThat(m.path("website").asText()).isEqualTo("https://www.mechelen.be");
            assertThat(m.path("websiteConfidence").asText()).isEqualTo("high");
            assertThat(m.path("nisCode").asText()).isEqualTo("12025");
            assertThat(m.path("name").asText()).isEqualTo("Mechelen");
            assertThat(m.path("centreCity").asBoolean()).isTrue();
            assertThat(m.path("validFrom").isNull()).isTrue();
            JsonNode link = m.path("signals").path("SITE_LINK");
            assertThat(link.path("present").asBoolean()).isTrue();
            assertThat(link.path("firstSeen").asText()).isEqualTo("2020-11-16T09:00:00Z");
            assertThat(link.path("lostAt").isNull()).isTrue();
            assertThat(fields(link.path("evidence").get(0))).containsExactlyInAnyOrder("url", "seenAt", "snippet", "source", "rule",
                    "actor", "phrases", "origin");
            assertThat(link.path("periods").get(0).path("until").isNull()).isTrue();
            assertThat(m.path("featuredIn").get(0).toString())
                    .isEqualTo("{\"id\":\"2020-03-04-nieuwsbrief-lokaal-gelijkekansenbeleid\",\"date\":\"2020-03-04\","
                            + "\"title\":\"Nieuwsbrief lokaal gelijkekansenbeleid maart 2020\",\"url\":null,"
                            + "\"provenance\":\"reconstructed from the parliamentary answers\"}");
            assertThat(m.path("presentedAt")).extracting(r -> r.path("date").asText())
                    .containsExactly("2019-10-19", "2021-05-07");
            assertThat(fields(m.path("lastScan"))).containsExactlyInAnyOrder("scanId", "status", "reason", "startedAt", "completedAt", "pages");
            assertThat(m.path("signals").path("NIGHTLIFE").path("firstSeen").isNull()).isTrue();
        }

        @Test
        void keeps_what_came_after_the_date_out() {
            JsonNode m = client.json("/api/municipalities/12025?asOf=2020-01-01");
            assertThat(m.path("signals").path("SITE_LINK").path("present").asBoolean()).isFalse();
            assertThat(m.path("featuredIn")).isEmpty();
            assertThat(m.path("presentedAt")).hasSize(1);
            assertThat(m.path("lastScan").isNull()).isTrue();
            assertThat(m.path("scan").path("scanned").asBoolean()).isFalse();
            assertThat(m.path("scan").path("outcome").asText()).isEqualTo("NOT_SCANNED_YET");
        }

        @Test
        void returns_a_municipality_merged_away_with_its_end_and_successor() {
            JsonNode borsbeek = client.json("/api/municipalities/11007");
            assertThat(borsbeek.path("validUntil").asText()).isEqualTo("2024-12-31");
            assertThat(borsbeek.path("successor").asText()).isEqualTo("11002");
            JsonNode pajottegem = client.json("/api/municipalities/23106?asOf=2021-01-01");
            assertThat(pajottegem.path("validFrom").asText()).isEqualTo("2025-01-01");
        }

        @Test
        void answers_csv_with_one_row() {
            HttpResponse<String> csv = client.get("/api/municipalities/12025?format=csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body().split("\r\n")).hasSize(2);
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"municipality-12025-2025-06-30.csv\"");
        }
    }

    @Nested
    class ScanOutcomes {
        @Test
        void a_scanned_municipality_says_ok_with_the_date_of_its_latest_complete_scan() {
            JsonNode scan = client.json("/api/municipalities/12025").path("scan");
            assertThat(scan.path("scanned").asBoolean()).isTrue();
            assertThat(scan.path("outcome").asText()).isEqualTo("OK");
            assertThat(scan.path("reason").isNull()).isTrue();
            assertThat(scan.path("at").asText()).isEqualTo("2025-06-30T03:00:00Z");
            assertThat(scan.path("firstCompleteScanAt").asText()).isEqualTo("2020-09-07T03:00:00Z");
            assertThat(scan.path("lastCompleteScanAt").asText()).isEqualTo("2025-06-30T03:00:00Z");
        }

        @Test
        void an_unreachable_website_of_low_confidence_is_not_scanned_and_says_why_and_when() {
            JsonNode pajottegem = client.json("/api/municipalities/23106");
            assertThat(pajottegem.path("website").asText()).isEqualTo("https://pajottegem.be");
            assertThat(pajottegem.path("websiteConfidence").asText()).isEqualTo("low");
            JsonNode scan = pajottegem.path("scan");
            assertThat(scan.path("scanned").asBoolean()).isFalse();
            assertThat(scan.path("outcome").asText()).isEqualTo("UNREACHABLE");
            assertThat(scan.path("reason").asText()).isEqualTo("UNREACHABLE");
            assertThat(scan.path("at").asText()).startsWith("2025-06-30");
            assertThat(scan.path("lastCompleteScanAt").isNull()).isTrue();
            assertThat(pajottegem.path("lastScan").path("reason").asText()).isEqualTo("UNREACHABLE");
        }

        @Test
        void are_in_the_csv_of_the_municipalities() {
            String[] lines = client.get("/api/municipalities?format=csv").body().split("\r\n");
            List<String> header = Arrays.asList(lines[0].split(","));
            int outcome = header.indexOf("scanOutcome");
            int scanned = header.indexOf("scanned");
            int confidence = header.indexOf("websiteConfidence");
            String pajottegem = Arrays.stream(lines).filter(l -> l.startsWith("23106,")).findFirst().orElseThrow();
            List<String> cells = Arrays.asList(pajottegem.split(",", -1));
            assertThat(cells.get(outcome)).isEqualTo("UNREACHABLE");
            assertThat(cells.get(scanned)).isEqualTo("false");
            assertThat(cells.get(confidence)).isEqualTo("low");
            assertThat(header).contains("lastScanReason", "SITE_LINK_evidenceOrigin");
        }
    }

    @Nested
    class ProvenanceOfEvidence {
        @Test
        void a_page_is_its_own_origin() {
            JsonNode evidence = client.json("/api/municipalities/44021").path("signals").path("SITE_LINK").path("evidence").get(0);
            assertThat(evidence.path("origin").path("kind").asText()).isEqualTo("WEBSITE");
            assertThat(evidence.path("origin").path("url").asText()).isEqualTo("https://stad.gent/nl/welzijn-gezondheid/seksueel-geweld");
        }

        @Test
        void a_reconstructed_newsletter_issue_says_so() {
            JsonNode origin = client.json("/api/municipalities/12025").path("signals").path("NEWSLETTER_FEATURE")
                    .path("evidence").get(0).path("origin");
            assertThat(origin.path("kind").asText()).isEqualTo("NEWSLETTER_ISSUE");
            assertThat(origin.path("id").asText()).isEqualTo(SampleUptakeSource.NEE_IS_NEE_ISSUE);
            assertThat(origin.path("date").asText()).isEqualTo("2020-03-04");
            assertThat(origin.path("url").isNull()).isTrue();
            assertThat(origin.path("provenance").asText()).isEqualTo("reconstructed from the parliamentary answers");
        }

        @Test
        void a_newsletter_issue_read_from_the_web_gives_its_url() {
            JsonNode gent = client.json("/api/municipalities/44021");
            JsonNode origin = gent.path("signals").path("NEWSLETTER_FEATURE").path("evidence").get(0).path("origin");
            assertThat(origin.path("id").asText()).isEqualTo(SampleUptakeSource.NIGHTLIFE_ISSUE);
            assertThat(origin.path("url").asText()).isEqualTo(SampleUptakeSource.NIGHTLIFE_ISSUE_URL);
            assertThat(origin.path("provenance").isNull()).isTrue();
            assertThat(gent.path("featuredIn").get(0).path("url").asText()).isEqualTo(SampleUptakeSource.NIGHTLIFE_ISSUE_URL);
        }

        @Test
        void a_learning_network_session_gives_its_link_and_provenance() {
            JsonNode evidence = client.json("/api/municipalities/44021").path("signals").path("LEARNING_NETWORK").path("evidence");
            JsonNode origin = evidence.get(0).path("origin");
            assertThat(origin.path("kind").asText()).isEqualTo("LEARNING_NETWORK_SESSION");
            assertThat(origin.path("id").asText()).isEqualTo(SampleUptakeSource.SESSION_2021);
            assertThat(origin.path("url").asText()).isEqualTo(SampleUptakeSource.SESSION_2021_URL);
            assertThat(origin.path("provenance").asText()).isEqualTo("reconstructed from the parliamentary answers");
        }

        @Test
        void website_evidence_names_its_rule_its_actor_and_the_phrases_that_matched() {
            JsonNode campaign = client.json("/api/municipalities/12025").path("signals").path("CAMPAIGN").path("evidence").get(0);
            assertThat(campaign.path("rule").asText()).isEqualTo("campaign-local");
            assertThat(campaign.path("actor").asText()).isEqualTo("OWN");
            assertThat(campaign.path("phrases").toString()).isEqualTo("[{\"role\":\"campagne\",\"phrase\":\"*campagne\",\"text\":\"Campagne\"},"
                    + "{\"role\":\"thema\",\"phrase\":\"seksuele intimidatie\",\"text\":\"seksuele intimidatie\"},"
                    + "{\"role\":\"actor\",\"phrase\":\"@gemeente\",\"text\":\"de stad Mechelen\"},"
                    + "{\"role\":\"reader\",\"phrase\":\"score 0.91, threshold 0.50\",\"text\":\"campagne, affiches, {gemeente}\"}]");
            // evidence of a newsletter issue explains itself by its issue, not by a rule
            JsonNode newsletter = client.json("/api/municipalities/12025").path("signals").path("NEWSLETTER_FEATURE").path("evidence").get(0);
            assertThat(newsletter.path("rule").isNull()).isTrue();
            assertThat(newsletter.path("actor").isNull()).isTrue();
            assertThat(newsletter.path("phrases").isArray()).isTrue();
            assertThat(newsletter.path("phrases")).isEmpty();
        }

        @Test
        void the_practices_csv_gives_the_rule_actor_and_phrases_of_the_newest_evidence() {
            List<String> lines = List.of(client.get("/api/practices?kind=CAMPAIGN&format=csv").body().split("\r\n"));
            List<String> header = List.of(lines.get(0).split(","));
            assertThat(header).containsSubsequence("evidenceOrigin", "evidenceRule", "evidenceActor", "evidencePhrases");
            String mechelen = lines.stream().filter(l -> l.startsWith("12025,")).findFirst().orElseThrow();
            // (quoted: the reader's words hold commas)
            assertThat(mechelen).contains(",campaign-local,OWN,\"campagne: 'Campagne' [*campagne]; thema: 'seksuele intimidatie'; "
                    + "actor: 'de stad Mechelen' [@gemeente]; reader: 'campagne, affiches, {gemeente}' [score 0.91, threshold 0.50]\",");
        }

        @Test
        void is_in_the_csv_of_municipalities_and_practices() {
            String municipalities = client.get("/api/municipalities/12025?format=csv").body();
            assertThat(municipalities).contains("newsletter issue 2020-03-04 'Nieuwsbrief lokaal gelijkekansenbeleid maart 2020' "
                    + "(reconstructed from the parliamentary answers)");
            String practices = client.get("/api/practices?kind=NEWSLETTER_FEATURE&format=csv").body();
            assertThat(practices.split("\r\n")[0]).contains("evidenceOrigin");
            assertThat(practices).contains(SampleUptakeSource.NIGHTLIFE_ISSUE_URL);
        }
    }

    @Nested
    class Summary {
        @ParameterizedTest
        @ValueSource(strings = {"", "?asOf=2021-03-02", "?asOf=2022-12-31", "?asOf=2024-12-31", "?asOf=2025-01-01"})
        void counts_exactly_the_municipalities_the_list_shows(String asOf) {
            List<JsonNode> list = elements(client.json("/api/municipalities" + asOf));
            JsonNode summary = client.json("/api/summary" + asOf);
            JsonNode flanders = summary.path("flanders");
            assertThat(flanders.path("municipalities").asInt()).isEqualTo(list.size());
            long scanned = list.stream().filter(m -> m.path("scan").path("scanned").asBoolean()).count();
            assertThat(flanders.path("scanned").asLong()).isEqualTo(scanned);
            assertThat(flanders.path("notScanned").asLong()).isEqualTo(list.size() - scanned);
            for (SignalKind kind : SignalKind.values()) {
                assertThat(flanders.path("counts").path(kind.name()).asInt())
                        .as(kind.name()).isEqualTo(counted(list, kind.name()));
                int provinces = StreamSupport.stream(summary.path("provinces").spliterator(), false)
                        .mapToInt(p -> p.path("counts").path(kind.name()).asInt()).sum();
                assertThat(provinces).as("provinces " + kind).isEqualTo(counted(list, kind.name()));
                long centre = counted(list.stream().filter(m -> m.path("centreCity").asBoolean()).toList(), kind.name());
                assertThat(summary.path("centreCities").path("counts").path(kind.name()).asInt()).isEqualTo(centre);
            }
            assertThat(summary.path("centreCities").path("municipalities").asInt()).isEqualTo(13);
        }

        @Test
        void counts_website_signals_over_scanned_municipalities_and_says_why_the_others_are_not() {
            JsonNode flanders = client.json("/api/summary").path("flanders");
            List<JsonNode> list = elements(client.json("/api/municipalities"));
            // some municipalities show a link they were seen with before their site went unreachable: not counted
            assertThat(present(list, "SITE_LINK")).isGreaterThan(flanders.path("counts").path("SITE_LINK").asLong());
            assertThat(flanders.path("scanned").asInt() + flanders.path("notScanned").asInt()).isEqualTo(285);
            assertThat(flanders.path("notScanned").asInt()).isPositive();
            assertThat(flanders.path("notScannedByOutcome").path("UNREACHABLE").asInt()).isEqualTo(flanders.path("notScanned").asInt());
            // newsletter features count over all municipalities
            assertThat(flanders.path("counts").path("NEWSLETTER_FEATURE").asLong()).isEqualTo(present(list, "NEWSLETTER_FEATURE"));
        }

        @Test
        void before_the_first_scan_nothing_is_scanned_and_no_website_signal_is_counted() {
            JsonNode flanders = client.json("/api/summary?asOf=2020-06-30").path("flanders");
            assertThat(flanders.path("scanned").asInt()).isZero();
            assertThat(flanders.path("notScanned").asInt()).isEqualTo(300);
            assertThat(flanders.path("notScannedByOutcome").path("NOT_SCANNED_YET").asInt()).isEqualTo(300);
            assertThat(flanders.path("counts").path("CAMPAIGN").asInt()).isZero();
            assertThat(flanders.path("counts").path("LEARNING_NETWORK").asInt()).isEqualTo(1);
        }

        @Test
        void names_its_date_and_all_five_provinces() {
            JsonNode summary = client.json("/api/summary?asOf=2022-12-31");
            assertThat(summary.path("asOf").asText()).isEqualTo("2022-12-31");
            assertThat(fields(summary.path("provinces"))).containsExactlyInAnyOrder(
                    "Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen");
            assertThat(summary.path("provinces").path("Limburg").path("municipalities").asInt()).isEqualTo(42);
            assertThat(client.json("/api/summary").path("asOf").asText()).isEqualTo("2025-06-30");
        }
    }

    @Nested
    class Calls {
        @Test
        void list_each_call_with_its_attribution_counts() {
            JsonNode calls = client.json("/api/calls");
            assertThat(calls).hasSize(1);
            JsonNode call = calls.get(0);
            assertThat(fields(call)).containsExactlyInAnyOrder("callId", "issueId", "callDate", "title", "before",
                    "within30Days", "within90Days", "within365Days", "later", "updatedAt");
            assertThat(call.path("callDate").asText()).isEqualTo("2021-03-03");
            int attributed = call.path("before").asInt() + call.path("within30Days").asInt() + call.path("within90Days").asInt()
                    + call.path("within365Days").asInt() + call.path("later").asInt();
            long everSeen = elements(client.json("/api/municipalities")).stream()
                    .filter(m -> !m.path("signals").path("SITE_LINK").path("firstSeen").isNull()
                            || !m.path("signals").path("SITE_MENTION").path("firstSeen").isNull())
                    .count();
            assertThat(attributed).isEqualTo((int) everSeen).isPositive();
        }
    }

    @Nested
    class Practices {
        @Test
        void list_practices_with_evidence_and_the_channels_that_shared_them() {
            List<JsonNode> practices = elements(client.json("/api/practices"));
            assertThat(practices).allMatch(p -> Set.of("CAMPAIGN", "SAFETY_PLAN", "NIGHTLIFE", "NEWSLETTER_FEATURE",
                    "LEARNING_NETWORK").contains(p.path("kind").asText()));
            JsonNode campaign = practices.stream()
                    .filter(p -> p.path("nisCode").asText().equals("12025") && p.path("kind").asText().equals("CAMPAIGN"))
                    .findFirst().orElseThrow();
            assertThat(campaign.path("firstSeen").asText()).startsWith("2017-06-01");
            assertThat(campaign.path("evidence").get(0).path("url").asText()).isEqualTo("https://www.mechelen.be/nee-is-nee");
            assertThat(campaign.path("channels").path("website").asBoolean()).isTrue();
            assertThat(campaign.path("channels").path("newsletterIssues")).extracting(r -> r.path("date").asText())
                    .containsExactly("2020-03-04");
            assertThat(campaign.path("channels").path("learningNetworkSessions")).extracting(r -> r.path("date").asText())
                    .containsExactly("2019-10-19", "2021-05-07");
        }

        @Test
        void filter_on_kind_province_centre_city_and_date() {
            assertThat(client.json("/api/practices?kind=NIGHTLIFE")).isNotEmpty()
                    .allMatch(p -> p.path("kind").asText().equals("NIGHTLIFE"));
            assertThat(client.json("/api/practices?kind=NIGHTLIFE&asOf=2022-12-31")).isEmpty();
            assertThat(client.json("/api/practices?province=Limburg")).allMatch(p -> p.path("province").asText().equals("Limburg"));
            assertThat(client.json("/api/practices?centreCity=true&kind=LEARNING_NETWORK"))
                    .extracting(p -> p.path("name").asText()).containsExactlyInAnyOrder("Antwerpen", "Mechelen", "Gent");
        }

        @Test
        void refuse_a_kind_that_is_no_practice() {
            HttpResponse<String> response = client.get("/api/practices?kind=SITE_LINK");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("kind").contains("SITE_LINK");
        }
    }

    @Nested
    class Scans {
        @Test
        void show_the_progress_of_the_latest_round() {
            JsonNode scan = client.json("/api/scans/latest");
            assertThat(fields(scan)).containsExactlyInAnyOrder("scanId", "status", "startedAt", "completedAt", "municipalities",
                    "pages", "failuresByReason", "perMunicipality");
            assertThat(scan.path("status").asText()).isEqualTo("COMPLETE");
            assertThat(scan.path("municipalities").path("total").asInt()).isEqualTo(285);
            assertThat(fields(scan.path("municipalities"))).containsExactlyInAnyOrder("total", "done", "failed", "withoutWebsite");
            assertThat(scan.path("perMunicipality")).hasSize(285);
            assertThat(fields(scan.path("perMunicipality").get(0))).containsExactlyInAnyOrder("nisCode", "name", "website", "status",
                    "reason", "message", "pages");
            assertThat(scan.path("failuresByReason").path("UNREACHABLE").asInt()).isEqualTo(scan.path("municipalities").path("failed").asInt());
            JsonNode pajottegem = elements(scan.path("perMunicipality")).stream()
                    .filter(m -> m.path("nisCode").asText().equals("23106")).findFirst().orElseThrow();
            assertThat(pajottegem.path("status").asText()).isEqualTo("FAILED");
            assertThat(pajottegem.path("reason").asText()).isEqualTo("UNREACHABLE");
            assertThat(pajottegem.path("message").asText()).contains("pajottegem.be");
        }

        @Test
        void say_none_before_the_first_round() {
            source.setScan(ScanProgress.none());
            try {
                JsonNode scan = client.json("/api/scans/latest");
                assertThat(scan.path("status").asText()).isEqualTo("NONE");
                assertThat(scan.path("startedAt").isNull()).isTrue();
                assertThat(scan.path("perMunicipality")).isEmpty();
            } finally {
                source.setScan(new SampleUptakeSource(TODAY).latestScanUnchecked());
            }
        }
    }

    @Nested
    class TimelineOfUptake {
        @Test
        void ends_at_the_number_of_municipalities_that_link_or_mention_the_site() {
            for (String asOf : List.of("", "?asOf=2021-12-31", "?asOf=2024-12-31")) {
                List<JsonNode> list = elements(client.json("/api/municipalities" + asOf));
                long linkOrMention = list.stream().filter(m -> m.path("scan").path("scanned").asBoolean())
                        .filter(m -> m.path("signals").path("SITE_LINK").path("present").asBoolean()
                                || m.path("signals").path("SITE_MENTION").path("present").asBoolean()).count();
                JsonNode timeline = client.json("/api/timeline" + asOf);
                JsonNode points = timeline.path("points");
                assertThat(points.get(points.size() - 1).path("count").asLong()).as(asOf).isEqualTo(linkOrMention);
                assertThat(points.get(points.size() - 1).path("scanned").asInt()).as(asOf)
                        .isEqualTo(client.json("/api/summary" + asOf).path("flanders").path("scanned").asInt());
            }
        }

        @Test
        void marks_the_calls_issues_and_sessions_up_to_the_date() {
            JsonNode timeline = client.json("/api/timeline");
            assertThat(timeline.path("calls")).extracting(c -> c.path("date").asText()).containsExactly("2021-03-03");
            assertThat(timeline.path("sessions")).hasSize(2);
            assertThat(timeline.path("newsletterIssues")).hasSize(3);
            JsonNode early = client.json("/api/timeline?asOf=2020-12-31");
            assertThat(early.path("calls")).isEmpty();
            assertThat(early.path("newsletterIssues")).hasSize(1);
        }
    }

    @Nested
    class Csv {
        @ParameterizedTest
        @ValueSource(strings = {"/api/municipalities", "/api/municipalities?asOf=2022-12-31&signal=SITE_LINK",
                "/api/summary", "/api/calls", "/api/practices", "/api/scans/latest", "/api/timeline"})
        void is_offered_for_every_list_with_a_header_row_and_a_file_name(String path) {
            HttpResponse<String> csv = client.get(path + (path.contains("?") ? "&" : "?") + "format=csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).matches("attachment; filename=\"[a-z0-9-]+\\.csv\"");
            assertThat(csv.body()).endsWith("\r\n");
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[0]).doesNotContain("\"").contains(",");
        }

        @Test
        void has_one_row_per_listed_municipality() {
            int listed = client.json("/api/municipalities?asOf=2022-12-31&province=Limburg").size();
            String body = client.get("/api/municipalities?asOf=2022-12-31&province=Limburg&format=csv").body();
            assertThat(body.split("\r\n")).hasSize(listed + 1);
            assertThat(body.split("\r\n")[0]).startsWith("nisCode,name,province,centreCity,validFrom");
        }

        @Test
        void quotes_fields_with_commas_and_quotes_and_keeps_utf8() {
            String body = client.get("/api/practices?kind=NIGHTLIFE&format=csv").body();
            assertThat(body).contains("\"Ask for Angela in Gentse cafés, \"\"safe party\"\"-label\"");
        }
    }

    @Nested
    class OpenApi {
        @Test
        void document_parses_and_describes_every_path() {
            JsonNode doc = client.json("/api/openapi.json");
            assertThat(doc.path("openapi").asText()).startsWith("3.0");
            Set<String> reviewPaths = new HashSet<>(ReviewEndpoints.READ_PATHS);
            reviewPaths.addAll(ReviewEndpoints.WRITE_PATHS);
            Set<String> all = new HashSet<>(HttpApi.PATHS);
            all.addAll(reviewPaths);
            assertThat(fields(doc.path("paths"))).containsExactlyInAnyOrderElementsOf(all);
            for (String path : HttpApi.PATHS) {
                assertThat(doc.path("paths").path(path).path("get").path("responses").has("200")).as(path).isTrue();
            }
            for (String path : ReviewEndpoints.READ_PATHS) {
                assertThat(doc.path("paths").path(path).path("get").path("responses").has("200")).as(path).isTrue();
            }
            assertThat(doc.path("paths").path("/api/reviews").path("post").path("responses").has("201")).isTrue();
            assertThat(doc.path("paths").path("/api/reviews/{id}").path("delete").path("responses").has("200")).isTrue();
            assertThat(doc.path("paths").path("/api/scans").path("post").path("responses").has("202")).isTrue();
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest
        @ValueSource(strings = {"1234", "123456", "abcde", "1202x"})
        void a_malformed_nis_code_is_a_400_naming_it(String nis) {
            assertBadRequest("/api/municipalities/" + nis, nis);
        }

        @Test
        void an_unknown_signal_kind_is_a_400() {
            assertBadRequest("/api/municipalities?signal=WEBSITE", "signal", "WEBSITE");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2021-13-01", "31-12-2021", "yesterday", "2021-02-30"})
        void a_bad_date_is_a_400(String date) {
            assertBadRequest("/api/summary?asOf=" + date, "asOf", date);
            assertBadRequest("/api/municipalities?asOf=" + date, "asOf", date);
        }

        @Test
        void a_date_after_today_is_a_400() {
            assertBadRequest("/api/municipalities?asOf=2025-07-01", "asOf", "2025-07-01");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0001-01-06", "2018-12-31"})
        void a_date_before_the_first_day_of_the_register_is_a_400_naming_the_first_date_allowed(String date) {
            for (String path : List.of("/api/municipalities", "/api/municipalities/12025", "/api/summary", "/api/timeline",
                    "/api/practices", "/api/report")) {
                assertBadRequest(path + "?asOf=" + date, "asOf", date, "2019-01-01");
            }
            assertThat(client.get("/api/summary?asOf=2019-01-01").statusCode()).isEqualTo(200);
        }

        @Test
        void a_bad_boolean_is_a_400() {
            assertBadRequest("/api/municipalities?centreCity=yes", "centreCity", "yes");
        }

        @Test
        void an_unknown_format_is_a_400() {
            assertBadRequest("/api/calls?format=xml", "format", "xml", "csv-excel", "xlsx");
        }

        @Test
        void an_unknown_province_or_parameter_is_a_400() {
            assertBadRequest("/api/municipalities?province=Brussel", "province", "Brussel");
            assertBadRequest("/api/municipalities?provnce=Limburg", "provnce");
            assertBadRequest("/api/municipalities?signal=SITE_LINK&signal=CAMPAIGN", "signal");
        }

        @Test
        void an_unknown_nis_code_is_a_404() {
            HttpResponse<String> response = client.get("/api/municipalities/99999");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(ApiClient.parse(response.body()).path("error").asText()).contains("99999");
        }

        @Test
        void an_unknown_path_is_a_404_in_json() {
            HttpResponse<String> response = client.get("/api/nothing-here");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(ApiClient.parse(response.body()).path("error").asText()).contains("/api/nothing-here");
        }

        @Test
        void unavailable_stores_answer_503_with_retry_after_on_every_data_endpoint() {
            source.setUnavailable(true);
            try {
                for (String path : List.of("/api/municipalities", "/api/municipalities/12025", "/api/summary",
                        "/api/timeline", "/api/calls", "/api/practices", "/api/scans/latest", "/api/municipalities?format=csv",
                        "/api/summary?format=xlsx", "/api/report")) {
                    HttpResponse<String> response = client.get(path);
                    assertThat(response.statusCode()).as(path).isEqualTo(503);
                    assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("5");
                    assertThat(ApiClient.parse(response.body()).path("error").asText()).contains("retry");
                }
                assertThat(client.get("/api/health").statusCode()).isEqualTo(200);
            } finally {
                source.setUnavailable(false);
            }
        }

        @Test
        void a_server_without_a_source_answers_503_for_data() {
            try (HttpApi bare = HttpApi.start("127.0.0.1", 0, () -> false)) {
                HttpResponse<String> response = new ApiClient(bare.port()).get("/api/summary");
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/municipalities?asOf=%C3%28", "/api/municipalities?province=%00", "/api/municipalities/%20", "/api/municipalities/",
                "/api/municipalities/12025/extra", "/api/summary?asOf=2021-1-1", "/api/municipalities?centreCity=",
                "/api/practices?kind=campaign&province=limburg", "/api/health?verbose=true", "/api/scans/latest?asOf=2021-01-01"})
        void odd_requests_get_a_json_answer_and_never_a_500(String path) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path).isIn(200, 400, 404);
            JsonNode body = ApiClient.parse(response.body());
            if (response.statusCode() != 200) {
                assertThat(body.path("error").asText()).as(path).isNotBlank().doesNotContain("Exception");
            }
        }

        private void assertBadRequest(String path, String... named) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode body = ApiClient.parse(response.body());
            assertThat(fields(body)).containsExactly("error");
            assertThat(body.path("error").asText()).contains(named).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Nested
    class Dashboard {
        @Test
        void is_served_at_the_root_with_its_libraries_and_map_from_the_jar() {
            HttpResponse<String> page = client.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html").doesNotContain("https://cdn").doesNotContain("unpkg");
            for (String path : List.of("/vendor/d3.min.js", "/vendor/topojson-client.min.js", "/app.js",
                    "/geo/belgium-municipalities-2019.topojson", "/register/mergers-2025.csv")) {
                assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
            }
        }
    }
}
