package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.UptakeSummary;
import be.lokaalsignaal.topics.SignalKind;
import be.lokaalsignaal.topology.UptakeViews;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Totals for Flanders, the provinces and the centre cities, computed from exactly the list of
 * municipalities of the date with {@link UptakeViews#summarize}, the function the topology's
 * totals use: website signals are counted over the scanned municipalities, newsletter features
 * and learning-network presentations over all.
 */
final class SummaryView {
    private SummaryView() {}

    static Map<String, Object> json(LocalDate asOf, List<MunicipalityUptake> list) {
        Map<String, UptakeSummary> totals = UptakeViews.summarize(list);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", asOf);
        out.put("flanders", scope(totals.get(UptakeViews.FLANDERS)));
        Map<String, Object> provinces = new LinkedHashMap<>();
        for (String province : Views.PROVINCES) {
            provinces.put(province, scope(totals.get(UptakeViews.PROVINCE_PREFIX + province)));
        }
        // a province outside the five would be a register error; show it rather than drop it
        totals.keySet().stream().filter(k -> k.startsWith(UptakeViews.PROVINCE_PREFIX))
                .map(k -> k.substring(UptakeViews.PROVINCE_PREFIX.length()))
                .filter(p -> !provinces.containsKey(p)).sorted()
                .forEach(p -> provinces.put(p, scope(totals.get(UptakeViews.PROVINCE_PREFIX + p))));
        out.put("provinces", provinces);
        out.put("centreCities", scope(totals.get(UptakeViews.CENTRE_CITIES)));
        return out;
    }

    private static Map<String, Object> scope(UptakeSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SignalKind kind : SignalKind.values()) {
            counts.put(kind.name(), s == null ? 0 : s.getCounts().getOrDefault(kind.name(), 0));
        }
        out.put("municipalities", s == null ? 0 : s.getMunicipalities());
        out.put("scanned", s == null ? 0 : s.getScanned());
        out.put("notScanned", s == null ? 0 : s.getNotScanned());
        out.put("notScannedByOutcome", s == null ? Map.of() : new TreeMap<>(s.getNotScannedByOutcome()));
        out.put("counts", counts);
        return out;
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("asOf", "scope", "name", "municipalities", "scanned", "notScanned"));
        for (SignalKind kind : SignalKind.values()) {
            header.add(kind.name());
        }
        header.add("notScannedByOutcome");
        return header;
    }

    @SuppressWarnings("unchecked")
    static Table table(String sheet, Map<String, Object> summary) {
        List<List<Object>> rows = new ArrayList<>();
        Object asOf = summary.get("asOf");
        rows.add(row(asOf, "flanders", "Vlaanderen", (Map<String, Object>) summary.get("flanders")));
        ((Map<String, Object>) summary.get("provinces")).forEach(
                (name, counts) -> rows.add(row(asOf, "province", name, (Map<String, Object>) counts)));
        rows.add(row(asOf, "centreCities", "Centrumsteden", (Map<String, Object>) summary.get("centreCities")));
        return new Table(sheet, header(), rows);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> row(Object asOf, String scope, String name, Map<String, Object> counts) {
        List<Object> row = new ArrayList<>(List.of(asOf, scope, name, counts.get("municipalities"), counts.get("scanned"), counts.get("notScanned")));
        row.addAll(((Map<String, Integer>) counts.get("counts")).values());
        row.add(((Map<String, Integer>) counts.get("notScannedByOutcome")).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")));
        return row;
    }
}
