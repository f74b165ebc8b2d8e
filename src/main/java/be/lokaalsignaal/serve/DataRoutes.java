package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.CallUptake;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.topics.SignalKind;
import be.lokaalsignaal.topology.UptakeViews;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The data endpoints: each answers JSON, or its table as CSV (either convention) or .xlsx. */
final class DataRoutes {
    private static final Set<SignalKind> ALL_KINDS = EnumSet.allOf(SignalKind.class);

    private final UptakeSource source;
    private final Clock clock;
    private final MunicipalityJson municipalityJson;

    DataRoutes(UptakeSource source, Clock clock, MunicipalityJson municipalityJson) {
        this.source = source;
        this.clock = clock;
        this.municipalityJson = municipalityJson;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Timeline.ZONE));
    }

    LocalDate day(LocalDate asOf) {
        return asOf == null ? today() : asOf;
    }

    /** Where the evidence of the answer came from: the known issues and sessions. */
    Provenance provenance() throws StoreUnavailableException {
        return new Provenance(source.newsletterIssues(), source.sessions());
    }

    /** The municipalities in force on the date, filtered, in NIS order. */
    List<MunicipalityUptake> list(LocalDate asOf, SignalKind signal, String province, Boolean centreCity, Boolean scanned)
            throws StoreUnavailableException {
        List<MunicipalityUptake> out = new ArrayList<>();
        for (MunicipalityUptake m : source.municipalities(asOf)) {
            if ((signal == null || Views.present(m, signal))
                    && (province == null || province.equals(m.getProvince()))
                    && (centreCity == null || centreCity == m.getCentreCity())
                    && (scanned == null || scanned == UptakeViews.scanned(m))) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(MunicipalityUptake::getNisCode));
        return out;
    }

    List<CallUptake> calls() throws StoreUnavailableException {
        return source.calls().stream()
                .sorted(Comparator.comparing(CallUptake::getCallDate).thenComparing(CallUptake::getCallId))
                .toList();
    }

    void municipalities(Context ctx) throws StoreUnavailableException {
        Query q = Query.of(ctx.queryParamMap(), Set.of("signal", "province", "centreCity", "scanned", "asOf", "format"));
        SignalKind signal = q.kind("signal", ALL_KINDS);
        String province = q.province();
        Boolean centreCity = q.bool("centreCity");
        Boolean scanned = q.bool("scanned");
        LocalDate asOf = q.asOf(today());
        Query.Format format = q.format();
        List<MunicipalityUptake> list = list(asOf, signal, province, centreCity, scanned);
        Provenance provenance = provenance();
        if (format == Query.Format.JSON) {
            ctx.json(list.stream().map(m -> MunicipalityView.json(m, provenance)).toList());
        } else {
            Downloads.send(ctx, "municipalities-" + day(asOf), MunicipalityView.table("Gemeenten", list, provenance), format);
        }
    }

    void municipality(Context ctx) throws StoreUnavailableException, IOException {
        String nis = Query.nisCode(ctx.pathParam("nis"));
        Query q = Query.of(ctx.queryParamMap(), Set.of("asOf", "format"));
        LocalDate asOf = q.asOf(today());
        Query.Format format = q.format();
        MunicipalityUptake m = source.municipality(nis, asOf)
                .orElseThrow(() -> ApiException.notFound("no municipality with NIS code " + nis));
        Provenance provenance = provenance();
        if (format == Query.Format.JSON) {
            // straight to the response: Javalin copies a result through a new 8 KB buffer per request, a fifth of
            // what a lookup allocated
            ctx.contentType("application/json").outputStream().write(municipalityJson.of(m, day(asOf), provenance));
        } else {
            Downloads.send(ctx, "municipality-" + nis + "-" + day(asOf), MunicipalityView.table(m.getName(), List.of(m), provenance), format);
        }
    }

    void summary(Context ctx) throws StoreUnavailableException {
        Query q = Query.of(ctx.queryParamMap(), Set.of("asOf", "format"));
        LocalDate asOf = q.asOf(today());
        Query.Format format = q.format();
        // exactly the list /api/municipalities?asOf= returns, so the totals always match it
        Map<String, Object> summary = SummaryView.json(day(asOf), list(asOf, null, null, null, null));
        if (format == Query.Format.JSON) {
            ctx.json(summary);
        } else {
            Downloads.send(ctx, "summary-" + day(asOf), SummaryView.table("Kerncijfers", summary), format);
        }
    }

    void timeline(Context ctx) throws StoreUnavailableException {
        Query q = Query.of(ctx.queryParamMap(), Set.of("asOf", "format"));
        LocalDate asOf = q.asOf(today());
        Query.Format format = q.format();
        List<MunicipalityUptake> list = list(asOf, null, null, null, null);
        if (format == Query.Format.JSON) {
            ctx.json(Timeline.view(day(asOf), list, source.calls(), source.newsletterIssues(), source.sessions()));
        } else {
            Downloads.send(ctx, "timeline-" + day(asOf), Timeline.table("Verloop", list, day(asOf)), format);
        }
    }

    void calls(Context ctx) throws StoreUnavailableException {
        Query q = Query.of(ctx.queryParamMap(), Set.of("format"));
        Query.Format format = q.format();
        List<CallUptake> calls = calls();
        if (format == Query.Format.JSON) {
            ctx.json(calls.stream().map(Views::call).toList());
        } else {
            Downloads.send(ctx, "calls", Views.callTable("Oproepen", calls), format);
        }
    }

    void practices(Context ctx) throws StoreUnavailableException {
        Query q = Query.of(ctx.queryParamMap(), Set.of("kind", "province", "centreCity", "asOf", "format"));
        SignalKind kind = q.kind("kind", Views.PRACTICE_KINDS);
        String province = q.province();
        Boolean centreCity = q.bool("centreCity");
        LocalDate asOf = q.asOf(today());
        Query.Format format = q.format();
        List<Map<String, Object>> practices = Views.practices(list(asOf, null, province, centreCity, null), kind, provenance());
        if (format == Query.Format.JSON) {
            ctx.json(practices);
        } else {
            Downloads.send(ctx, "practices-" + day(asOf), Views.practiceTable("Goede praktijken", practices), format);
        }
    }

    void latestScan(Context ctx) throws StoreUnavailableException {
        Query q = Query.of(ctx.queryParamMap(), Set.of("format"));
        Query.Format format = q.format();
        ScanProgress scan = source.latestScan();
        if (format == Query.Format.JSON) {
            ctx.json(Views.scan(scan));
        } else {
            Downloads.send(ctx, "scan-latest", Views.scanTable("Laatste scan", scan), format);
        }
    }
}
