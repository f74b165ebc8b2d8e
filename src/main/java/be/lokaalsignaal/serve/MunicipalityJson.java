package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.MunicipalityUptake;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private record Rendered(MunicipalityUptake view, Provenance provenance, byte[] json) {
    }

    private final ObjectMapper mapper;
    private final Map<Key, Rendered> rendered = new ConcurrentHashMap<>();

    MunicipalityJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON of the view of a municipality on a date ({@link MunicipalityView#json}). */
    byte[] of(MunicipalityUptake view, LocalDate date, Provenance provenance) {
        Key key = new Key(view.getNisCode(), date);
        Rendered known = rendered.get(key);
        if (known != null && known.view().equals(view) && known.provenance().equals(provenance)) {
            return known.json();
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(MunicipalityView.json(view, provenance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render municipality " + view.getNisCode(), e);
        }
        if (rendered.size() >= MAX_ENTRIES) {
            rendered.clear();
        }
        rendered.put(key, new Rendered(view, provenance, json));
        return json;
    }
}
