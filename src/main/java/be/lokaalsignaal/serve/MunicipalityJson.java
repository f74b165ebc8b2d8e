package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.MunicipalityUptake;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;

/**
 * The JSON answer of a point lookup ({@code GET /api/municipalities/{nis}}), rendered once per
 * (NIS code, date, record): the same view is asked for again and again, and rendering it costs
 * more than finding it. A rendering is reused only while the view it was made from and the known
 * sources its evidence points to are equal to the ones asked for now (every field compared), so a
 * changed record or a newly known newsletter issue is never answered with an old rendering.
 */
final class MunicipalityJson {
    /** Enough for every code (313) on a few dates at once; past that the cache starts over. */
    static final int MAX_ENTRIES = 4096;

    private record Key(String nisCode, LocalDate date) {
    }

    private record Source(MunicipalityUptake view, Provenance provenance) {
    }

    private final ObjectMapper mapper;
    private final Memo<Key, Source, byte[]> rendered = new Memo<>(MAX_ENTRIES);

    MunicipalityJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON of the view of a municipality on a date ({@link MunicipalityView#json}). */
    byte[] of(MunicipalityUptake view, LocalDate date, Provenance provenance) {
        return rendered.get(new Key(view.getNisCode(), date), new Source(view, provenance), this::render);
    }

    private byte[] render(Source s) {
        try {
            return mapper.writeValueAsBytes(MunicipalityView.json(s.view(), s.provenance()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render municipality " + s.view().getNisCode(), e);
        }
    }
}
