package be.lokaalsignaal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
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
    private final MunicipalityJson json = new MunicipalityJson(mapper);

    private static MunicipalityUptake mechelen(Instant lastSeen) {
        Map<String, SignalState> signals = new LinkedHashMap<>();
        Instant first = Instant.parse("2020-11-16T09:00:00Z");
        signals.put("SITE_LINK", new SignalState(true, first, lastSeen, null, List.of(new Period(first, null)),
                List.of(new Evidence("https://www.mechelen.be/hulp", lastSeen, "Hulp bij seksueel geweld: 1712", "WEBSITE"))));
        return new MunicipalityUptake("12025", "Mechelen", "Antwerpen", true, null, null, null, signals, List.of(), List.of(), null, lastSeen);
    }

    private static MunicipalityUptake copy(MunicipalityUptake m) {
        return MunicipalityUptake.newBuilder(m).build();
    }

    @Test
    void theSameViewIsAnsweredWithTheRenderingMadeForItAndEqualToWhatTheApiRenders() throws Exception {
        MunicipalityUptake view = mechelen(Instant.parse("2025-06-02T10:00:00Z"));

        byte[] first = json.of(view, DAY);
        byte[] again = json.of(copy(view), DAY);

        assertThat(again).isSameAs(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(Views.municipality(view)));
    }

    @Test
    void aChangedRecordIsRenderedAnewAndNeverAnsweredWithAnOldRendering() {
        byte[] before = json.of(mechelen(Instant.parse("2025-06-02T10:00:00Z")), DAY);
        byte[] after = json.of(mechelen(Instant.parse("2025-06-09T10:00:00Z")), DAY);

        assertThat(new String(before, StandardCharsets.UTF_8)).contains("2025-06-02T10:00:00Z");
        assertThat(new String(after, StandardCharsets.UTF_8)).contains("2025-06-09T10:00:00Z").doesNotContain("2025-06-02T10:00:00Z");
    }

    @Test
    void eachDateHasItsOwnRendering() {
        MunicipalityUptake view = mechelen(Instant.parse("2025-06-02T10:00:00Z"));
        byte[] onDay = json.of(view, DAY);
        byte[] nextDay = json.of(copy(view), DAY.plusDays(1));

        assertThat(nextDay).isNotSameAs(onDay).isEqualTo(onDay);
    }
}
