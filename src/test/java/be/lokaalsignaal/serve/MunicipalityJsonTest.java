package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.Period;
import be.lokaalsignaal.avro.SignalState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MunicipalityJsonTest {
    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Provenance NONE = Provenance.none();
    private final MunicipalityJson json = new MunicipalityJson(mapper);

    private static MunicipalityUptake mechelen(Instant lastSeen) {
        Map<String, SignalState> signals = new LinkedHashMap<>();
        Instant first = Instant.parse("2020-11-16T09:00:00Z");
        signals.put("SITE_LINK", new SignalState(true, first, lastSeen, null, List.of(new Period(first, null)),
                List.of(new Evidence("https://www.mechelen.be/hulp", lastSeen, "Hulp bij seksueel geweld: 1712", "WEBSITE", null, List.of(), null)), "NONE", null, null, List.of()));
        return new MunicipalityUptake("12025", "Mechelen", "Antwerpen", true, null, null, null, signals, List.of(), List.of(), null, null, null,
                "https://www.mechelen.be", "high", "register", lastSeen);
    }

    private static MunicipalityUptake copy(MunicipalityUptake m) {
        return MunicipalityUptake.newBuilder(m).build();
    }

    @Test
    void theSameViewIsAnsweredWithTheRenderingMadeForItAndEqualToWhatTheApiRenders() throws Exception {
        MunicipalityUptake view = mechelen(Instant.parse("2025-06-02T10:00:00Z"));

        byte[] first = json.of(view, DAY, NONE);
        byte[] again = json.of(copy(view), DAY, NONE);

        assertThat(again).isSameAs(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(MunicipalityView.json(view, NONE)));
    }

    @Test
    void aChangedRecordIsRenderedAnewAndNeverAnsweredWithAnOldRendering() {
        byte[] before = json.of(mechelen(Instant.parse("2025-06-02T10:00:00Z")), DAY, NONE);
        byte[] after = json.of(mechelen(Instant.parse("2025-06-09T10:00:00Z")), DAY, NONE);

        assertThat(new String(before, StandardCharsets.UTF_8)).contains("2025-06-02T10:00:00Z");
        assertThat(new String(after, StandardCharsets.UTF_8)).contains("2025-06-09T10:00:00Z").doesNotContain("2025-06-02T10:00:00Z");
    }

    @Test
    void eachDateHasItsOwnRendering() {
        MunicipalityUptake view = mechelen(Instant.parse("2025-06-02T10:00:00Z"));
        byte[] onDay = json.of(view, DAY, NONE);
        byte[] nextDay = json.of(copy(view), DAY.plusDays(1), NONE);

        assertThat(nextDay).isNotSameAs(onDay).isEqualTo(onDay);
    }

    private static NewsletterIssue juneIssue() {
        return NewsletterIssue.newBuilder().setIssueId("2025-06-02-nieuwsbrief-juni").setDate(LocalDate.of(2025, 6, 2))
                .setTitle("Nieuwsbrief juni").setSource("bundled").setContentHash("ab12").setItems(List.of()).build();
    }

    @Test
    void aNewlyKnownSourceIsRenderedAnewThoughTheRecordIsTheSame() {
        MunicipalityUptake view = mechelen(Instant.parse("2025-06-02T10:00:00Z"));
        byte[] before = json.of(view, DAY, NONE);

        byte[] after = json.of(copy(view), DAY, new Provenance(List.of(juneIssue()), List.of()));

        assertThat(after).isNotSameAs(before);
        assertThat(json.of(copy(view), DAY, new Provenance(List.of(juneIssue()), List.of())))
                .as("equal sources give the rendering made for them").isSameAs(after);
    }
}
