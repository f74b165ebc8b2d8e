package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.SignalState;
import be.lokaalsignaal.topics.SignalKind;
import be.lokaalsignaal.topology.UptakeViews;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The report as of a date ({@code GET /api/report?asOf=}): one .xlsx with what an answer to a
 * parliamentary question needs, in Dutch. Sheets: Toelichting (date, definitions, warnings),
 * Kerncijfers (per kind for Flanders, the provinces and the centre cities, with scanned and not
 * scanned; the numbers of {@code /api/summary}), Oproepen (uptake after each newsletter call),
 * Gemeenten (every municipality with its scan outcome and signals) and Bewijs (every evidence item
 * of a present signal with its URL and where it came from).
 */
final class Report {
    static final Map<SignalKind, String> LABELS = labels();

    private final DataRoutes data;
    private final Clock clock;

    Report(DataRoutes data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    private static Map<SignalKind, String> labels() {
        Map<SignalKind, String> out = new EnumMap<>(SignalKind.class);
        out.put(SignalKind.SITE_LINK, "Link naar www.seksueelgeweld.be");
        out.put(SignalKind.SITE_MENTION, "Vermelding van www.seksueelgeweld.be");
        out.put(SignalKind.CAMPAIGN, "Lokale campagne");
        out.put(SignalKind.SAFETY_PLAN, "Veiligheidsplan");
        out.put(SignalKind.NIGHTLIFE, "Maatregelen uitgaansleven");
        out.put(SignalKind.NEWSLETTER_FEATURE, "Goede praktijk in de nieuwsbrief");
        out.put(SignalKind.LEARNING_NETWORK, "Voorgesteld in het lerend netwerk");
        return out;
    }

    void handle(Context ctx) throws StoreUnavailableException {
        Query q = Query.of(ctx.queryParamMap(), Set.of("asOf"));
        LocalDate asOf = data.day(q.asOf(data.today()));
        List<MunicipalityUptake> list = data.list(asOf, null, null, null, null);
        List<CallUptake> calls = data.calls().stream().filter(c -> !c.getCallDate().isAfter(asOf)).toList();
        Downloads.workbook(ctx, "rapport-" + asOf, sheets(asOf, list, calls, data.provenance()));
    }

    List<Table> sheets(LocalDate asOf, List<MunicipalityUptake> list, List<CallUptake> calls, Provenance provenance) {
        Map<String, Object> summary = SummaryView.json(asOf, list);
        return List.of(notes(asOf, summary, list, provenance), keyFigures(summary), calls(calls),
                municipalities(list, provenance), evidence(list, provenance));
    }

    @SuppressWarnings("unchecked")
    private Table notes(LocalDate asOf, Map<String, Object> summary, List<MunicipalityUptake> list, Provenance provenance) {
        Map<String, Object> flanders = (Map<String, Object>) summary.get("flanders");
        int municipalities = (int) flanders.get("municipalities");
        int scanned = (int) flanders.get("scanned");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Stand op", asOf));
        rows.add(List.of("Gemaakt op", clock.instant()));
        rows.add(List.of("Gemeenten in werking op die dag", municipalities));
        rows.add(List.of("Gescande gemeenten", scanned));
        rows.add(List.of("Niet gescande gemeenten", flanders.get("notScanned")));
        if (scanned == 0 && municipalities > 0) {
            rows.add(List.of("WAARSCHUWING", "Op deze datum is geen enkele gemeentelijke website volledig gescand: de cijfers over "
                    + "websites (link, vermelding, campagne, veiligheidsplan, uitgaansleven) zijn onbekend, niet nul."));
        } else if (scanned < municipalities) {
            rows.add(List.of("Let op", (municipalities - scanned) + " van de " + municipalities
                    + " gemeenten zijn niet gescand; hun websitesignalen zijn onbekend en tellen niet mee."));
        }
        rows.add(List.of("Gescand", "Een gemeente is gescand zodra een volledige scan van haar website beoordeeld is (alle pagina's "
                + "die de scan meldde zijn binnen). Een latere mislukte scan verandert daar niets aan: de toestand is die van de laatste volledige scan."));
        rows.add(List.of("Websitesignalen", "Link, vermelding, campagne, veiligheidsplan en uitgaansleven worden geteld over de gescande "
                + "gemeenten. Een signaal verdwijnt pas als een latere volledige scan het niet meer vindt."));
        rows.add(List.of("Nieuwsbrief en lerend netwerk", "Goede praktijken in de nieuwsbrief en voorstellingen in het lerend netwerk "
                + "worden geteld over alle gemeenten."));
        rows.add(List.of("Oproepen", "De tellingen na een oproep zijn die van vandaag, niet die op de gekozen datum. Een gemeente telt "
                + "in het venster waarin ze voor het eerst een link of vermelding kreeg."));
        Set<String> provenances = new TreeSet<>();
        for (MunicipalityUptake m : list) {
            m.getFeaturedIn().forEach(r -> add(provenances, provenance.issue(r).get("provenance")));
            m.getPresentedAt().forEach(r -> add(provenances, provenance.session(r).get("provenance")));
        }
        for (String p : provenances) {
            rows.add(List.of("Herkomst van bronnen", "Een deel van de nieuwsbrieven of sessies is " + p
                    + "; zie de kolom 'Herkomst' op het blad Bewijs."));
        }
        rows.add(List.of("Bron", "lokaal-signaal, /api/report?asOf=" + asOf));
        return new Table("Toelichting", List.of("Onderwerp", "Waarde"), rows);
    }

    private static void add(Set<String> set, Object value) {
        if (value != null) {
            set.add(value.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Table keyFigures(Map<String, Object> summary) {
        List<String> header = new ArrayList<>(List.of("Gebied", "Gemeenten", "Gescand", "Niet gescand", "Niet gescand, naar uitkomst"));
        for (SignalKind kind : SignalKind.values()) {
            header.add(LABELS.get(kind) + (kind.fromWebsite() ? " (van de gescande)" : " (van alle)"));
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(keyFigureRow("Vlaanderen", (Map<String, Object>) summary.get("flanders")));
        ((Map<String, Object>) summary.get("provinces")).forEach((name, counts) -> rows.add(keyFigureRow(name, (Map<String, Object>) counts)));
        rows.add(keyFigureRow("Centrumsteden", (Map<String, Object>) summary.get("centreCities")));
        return new Table("Kerncijfers", header, rows);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> keyFigureRow(String name, Map<String, Object> scope) {
        List<Object> row = new ArrayList<>(List.of(name, scope.get("municipalities"), scope.get("scanned"), scope.get("notScanned")));
        row.add(((Map<String, Integer>) scope.get("notScannedByOutcome")).entrySet().stream()
                .map(e -> ScanOutcomes.dutch(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining("; ")));
        Map<String, Integer> counts = (Map<String, Integer>) scope.get("counts");
        for (SignalKind kind : SignalKind.values()) {
            row.add(counts.get(kind.name()));
        }
        return row;
    }

    private static Table calls(List<CallUptake> calls) {
        List<List<Object>> rows = calls.stream().map(c -> List.<Object>of(c.getCallDate(), c.getTitle(), c.getBefore(), c.getWithin30Days(),
                c.getWithin90Days(), c.getWithin365Days(), c.getLater(), c.getIssueId())).toList();
        return new Table("Oproepen", List.of("Datum oproep", "Oproep", "Al vóór de oproep", "0-30 dagen", "31-90 dagen", "91-365 dagen",
                "Later", "Nieuwsbrief"), rows);
    }

    private static Table municipalities(List<MunicipalityUptake> list, Provenance provenance) {
        List<String> header = new ArrayList<>(List.of("NIS-code", "Gemeente", "Provincie", "Centrumstad", "Website",
                "Betrouwbaarheid website", "Gescand", "Uitkomst laatste scan", "Datum laatste scan", "Laatste volledige scan"));
        for (SignalKind kind : SignalKind.values()) {
            header.add(LABELS.get(kind));
            header.add(LABELS.get(kind) + ": sinds");
            header.add(LABELS.get(kind) + ": bewijs");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (MunicipalityUptake m : list) {
            Map<String, Object> scan = MunicipalityView.scan(m);
            List<Object> row = new ArrayList<>(Arrays.asList(m.getNisCode(), m.getName(), m.getProvince(), m.getCentreCity() ? "ja" : "nee",
                    m.getWebsite(), m.getWebsiteConfidence(), UptakeViews.scanned(m) ? "ja" : "nee",
                    ScanOutcomes.dutch((String) scan.get("outcome")), scan.get("at"), scan.get("lastCompleteScanAt")));
            for (SignalKind kind : SignalKind.values()) {
                SignalState s = Views.state(m, kind);
                boolean unknown = kind.fromWebsite() && !UptakeViews.scanned(m) && !s.getPresent();
                row.add(s.getPresent() ? "ja" : unknown ? "onbekend" : s.getFirstSeen() != null ? "verdwenen" : "nee");
                row.add(s.getPresent() ? s.getFirstSeen() : null);
                List<Evidence> evidence = Views.nullToEmpty(s.getEvidence());
                row.add(!s.getPresent() || evidence.isEmpty() ? null
                        : evidence.get(0).getUrl() != null ? evidence.get(0).getUrl() : Provenance.describe(provenance.origin(m, evidence.get(0))));
            }
            rows.add(row);
        }
        return new Table("Gemeenten", header, rows);
    }

    private static Table evidence(List<MunicipalityUptake> list, Provenance provenance) {
        List<List<Object>> rows = new ArrayList<>();
        for (MunicipalityUptake m : list) {
            for (SignalKind kind : SignalKind.values()) {
                SignalState s = Views.state(m, kind);
                if (!s.getPresent()) {
                    continue;
                }
                for (Evidence e : Views.nullToEmpty(s.getEvidence())) {
                    rows.add(Arrays.asList(m.getNisCode(), m.getName(), LABELS.get(kind), e.getSeenAt(), e.getUrl(), e.getSnippet(),
                            Provenance.describe(provenance.origin(m, e))));
                }
            }
        }
        return new Table("Bewijs", List.of("NIS-code", "Gemeente", "Signaal", "Gezien op (UTC)", "URL", "Tekst", "Herkomst"), rows);
    }
}
