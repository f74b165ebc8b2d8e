package be.lokaalsignaal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.EvidencePhrase;
import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.RuleMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/**
 * Own states and scan sightings in stores and changelogs written before evidence kept its phrases
 * and actor (and, older still, its rule) read back, and their evidence is published with a null
 * rule and actor and no phrases; new states keep all three through a round trip.
 */
class EvidenceStateCodecTest {
    private static final long SEEN = Instant.parse("2023-04-03T10:15:00Z").toEpochMilli();

    /** An own state as the version before phrases wrote it: website evidence with rule and content hash, a newsletter contribution. */
    private static final String OLD_STATE = """
            {"meta":{"nisCode":"12025","name":"Mechelen","province":"Antwerpen","centreCity":true},
             "site":{"CAMPAIGN":{"periods":[{"from":%1$d}],"lastSeen":%1$d,
               "evidence":[{"url":"https://www.mechelen.be/grenzen","seenAt":%1$d,"snippet":"De stad voert campagne tegen seksueel geweld.",
                            "source":"WEBSITE","rule":"campaign-local","contentHash":"9f2c"}]},
               "SITE_LINK":{"periods":[{"from":%1$d}],"lastSeen":%1$d,
               "evidence":[{"url":"https://www.mechelen.be/hulp","seenAt":%1$d,"snippet":"Surf naar www.seksueelgeweld.be","source":"WEBSITE"}]}},
             "scans":{},"proofs":[],
             "contributions":{"NEWSLETTER_FEATURE:2020-03-04-nieuwsbrief":{"kind":"NEWSLETTER_FEATURE","sourceId":"2020-03-04-nieuwsbrief",
               "date":18325,"title":"Nieuwsbrief maart 2020",
               "evidence":[{"url":"https://nieuwsbrief.example/2020-03-04","seenAt":1583280000000,"snippet":"Mechelen deelt zijn campagne","source":"NEWSLETTER"}]}},
             "updatedAt":%1$d,"published":"0a1b"}
            """.formatted(SEEN);

    /** Scan sightings as the version before phrases wrote them. */
    private static final String OLD_SIGHTINGS = """
            {"kinds":{"NIGHTLIFE":{"first":%1$d,"last":%1$d,
              "evidence":[{"url":"https://www.mechelen.be/uitgaan","seenAt":%1$d,"snippet":"Opleiding voor barpersoneel rond ongewenst gedrag",
                           "source":"WEBSITE","rule":"nightlife-measures","contentHash":"77aa"}]}}}
            """.formatted(SEEN);

    private static <T> T read(Class<T> type, String json) {
        return new JsonSerde<>(type).deserializer().deserialize("uptake-own-state-changelog", json.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T roundTrip(Class<T> type, T value) {
        JsonSerde<T> serde = new JsonSerde<>(type);
        return serde.deserializer().deserialize("changelog", serde.serializer().serialize("changelog", value));
    }

    @Test
    void an_own_state_written_before_phrases_existed_publishes_its_evidence_with_no_phrases_and_no_actor() {
        OwnState state = read(OwnState.class, OLD_STATE);

        MunicipalityUptake r = state.toRecord(5);
        Evidence campaign = r.getSignals().get("CAMPAIGN").getEvidence().get(0);
        assertThat(campaign.getSnippet()).isEqualTo("De stad voert campagne tegen seksueel geweld.");
        assertThat(campaign.getRule()).isEqualTo("campaign-local");
        assertThat(campaign.getActor()).isNull();
        assertThat(campaign.getPhrases()).isEmpty();
        Evidence link = r.getSignals().get("SITE_LINK").getEvidence().get(0);
        assertThat(link.getRule()).isNull();
        assertThat(link.getPhrases()).isEmpty();
        Evidence newsletter = r.getSignals().get("NEWSLETTER_FEATURE").getEvidence().get(0);
        assertThat(newsletter.getSource()).isEqualTo("NEWSLETTER");
        assertThat(newsletter.getRule()).isNull();
        assertThat(newsletter.getPhrases()).isEmpty();
    }

    @Test
    void scan_sightings_written_before_phrases_existed_fold_into_evidence_with_their_rule() {
        OwnState state = read(OwnState.class, OLD_STATE);
        ScanSightings sightings = read(ScanSightings.class, OLD_SIGHTINGS);
        OwnState.ScanTrack scan = new OwnState.ScanTrack();
        scan.scanId = "r1";
        ScanTally tally = new ScanTally();
        tally.sawKind("NIGHTLIFE");

        state.fold(scan, tally, sightings, 5);

        Evidence nightlife = state.toRecord(5).getSignals().get("NIGHTLIFE").getEvidence().get(0);
        assertThat(nightlife.getRule()).isEqualTo("nightlife-measures");
        assertThat(nightlife.getActor()).isNull();
        assertThat(nightlife.getPhrases()).isEmpty();
    }

    @Test
    void evidence_with_phrases_and_actor_reads_back_as_it_was_written() {
        RuleMatch match = RuleMatch.newBuilder().setKind("CAMPAIGN").setRule("campaign-local")
                .setSnippet("Schepen Van den Bossche lanceert de campagne 'Grenzen' tegen seksuele intimidatie.")
                .setPhrases(List.of(new MatchedPhrase("campagne", "*campagne", "campagne"),
                        new MatchedPhrase("thema", "seksuele intimidatie", "seksuele intimidatie"),
                        new MatchedPhrase("actor", "schepen", "Schepen Van den Bossche")))
                .setActor("LOCAL").build();
        ScanSightings sightings = new ScanSightings();
        sightings.add("CAMPAIGN", KeptEvidence.website("https://www.mechelen.be/grenzen", SEEN, match, "9f2c"), 5);

        ScanSightings back = roundTrip(ScanSightings.class, sightings);
        KeptEvidence ev = back.kinds.get("CAMPAIGN").evidence.get(0);
        Evidence avro = ev.toAvro();
        assertThat(avro.getRule()).isEqualTo("campaign-local");
        assertThat(avro.getActor()).isEqualTo("LOCAL");
        assertThat(avro.getPhrases()).containsExactly(new EvidencePhrase("campagne", "*campagne", "campagne"),
                new EvidencePhrase("thema", "seksuele intimidatie", "seksuele intimidatie"),
                new EvidencePhrase("actor", "schepen", "Schepen Van den Bossche"));
        assertThat(ev.contentHash).isEqualTo("9f2c");
    }

    @Test
    void evidence_without_phrases_writes_no_phrases_field_so_the_state_stays_as_small_as_before() {
        KeptEvidence ev = new KeptEvidence("https://nieuwsbrief.example/2020-03-04", SEEN, "Mechelen deelt zijn campagne",
                "NEWSLETTER");
        String json = new String(new JsonSerde<>(KeptEvidence.class).serializer().serialize("t", ev), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("phrases").doesNotContain("actor").doesNotContain("rule");
    }

    /** The uptake stores (parts, latest, history) hold Avro records; one written with the released schema reads with an empty explanation. */
    @Test
    void an_uptake_record_written_with_the_released_schema_reads_with_no_rule_and_no_phrases() throws IOException {
        Schema v1 = new Schema.Parser().parse(Path.of("schemas/history/v1/MunicipalityUptake.avsc").toFile());
        Schema signalState = v1.getField("signals").schema().getValueType();
        Schema evidenceSchema = signalState.getField("evidence").schema().getElementType();
        GenericRecord evidence = new GenericData.Record(evidenceSchema);
        evidence.put("url", "https://www.mechelen.be/grenzen");
        evidence.put("seenAt", SEEN);
        evidence.put("snippet", "De stad voert campagne tegen seksueel geweld.");
        evidence.put("source", "WEBSITE");
        GenericRecord state = new GenericData.Record(signalState);
        state.put("present", true);
        state.put("periods", List.of());
        state.put("evidence", List.of(evidence));
        GenericRecord record = new GenericData.Record(v1);
        record.put("nisCode", "12025");
        record.put("name", "Mechelen");
        record.put("province", "Antwerpen");
        record.put("centreCity", true);
        record.put("signals", Map.of("CAMPAIGN", state));
        record.put("featuredIn", List.of());
        record.put("presentedAt", List.of());
        record.put("updatedAt", SEEN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(v1).write(record, encoder);
        encoder.flush();

        MunicipalityUptake read = new SpecificDatumReader<MunicipalityUptake>(v1, MunicipalityUptake.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        Evidence e = read.getSignals().get("CAMPAIGN").getEvidence().get(0);
        assertThat(e.getSnippet()).isEqualTo("De stad voert campagne tegen seksueel geweld.");
        assertThat(e.getRule()).isNull();
        assertThat(e.getActor()).isNull();
        assertThat(e.getPhrases()).isEmpty();
    }
}
