package be.lokaalsignaal.serve;

import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.topics.SignalKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query parameters of one request, checked strictly: a number that may end up in a
 * parliamentary answer must not silently come from a misspelt or ignored filter. An empty value
 * counts as absent, as an HTML form sends it.
 */
final class Query {
    private static final Pattern NIS = Pattern.compile("\\d{5}");

    /** json; csv (RFC 4180); csv-excel (semicolons and a byte-order mark, for Excel); xlsx. */
    enum Format {
        JSON("json"), CSV("csv"), CSV_EXCEL("csv-excel"), XLSX("xlsx");

        final String value;

        Format(String value) {
            this.value = value;
        }
    }

    /** The first date an as-of view can answer for: the register begins then. */
    static final LocalDate FIRST_DAY = Register.FIRST_DAY;

    private final Map<String, List<String>> params;

    private Query(Map<String, List<String>> params) {
        this.params = params;
    }

    /** Refuses parameters the endpoint does not know and parameters given twice. */
    static Query of(Map<String, List<String>> params, Set<String> allowed) {
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (!allowed.contains(p.getKey())) {
                throw ApiException.badRequest("unknown parameter '" + p.getKey() + "'"
                        + (allowed.isEmpty() ? "; this endpoint takes none" : "; expected one of " + new TreeSet<>(allowed)));
            }
            if (p.getValue().size() > 1) {
                throw ApiException.badRequest("parameter '" + p.getKey() + "' given more than once");
            }
        }
        return new Query(params);
    }

    String get(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.get(0).trim();
        return value.isEmpty() ? null : value;
    }

    /**
     * Null when absent (today); a future date is refused, the stores know nothing of it, and so is
     * a date before the register's first day: there is no list of municipalities to count then.
     */
    LocalDate asOf(LocalDate today) {
        String value = get("asOf");
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parameter 'asOf': '" + value + "' is not a date (YYYY-MM-DD)");
        }
        if (date.isAfter(today)) {
            throw ApiException.badRequest("parameter 'asOf': '" + value + "' lies after today (" + today + ")");
        }
        if (date.isBefore(FIRST_DAY)) {
            throw ApiException.badRequest("parameter 'asOf': '" + value + "' lies before the first day of the register ("
                    + FIRST_DAY + "); the first date allowed is " + FIRST_DAY);
        }
        return date;
    }

    SignalKind kind(String name, Set<SignalKind> allowed) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        for (SignalKind kind : allowed) {
            if (kind.name().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw ApiException.badRequest("parameter '" + name + "': unknown signal kind '" + value
                + "'; expected one of " + allowed);
    }

    String province() {
        String value = get("province");
        if (value == null) {
            return null;
        }
        for (String province : Views.PROVINCES) {
            if (province.equalsIgnoreCase(value)) {
                return province;
            }
        }
        throw ApiException.badRequest("parameter 'province': unknown province '" + value
                + "'; expected one of " + Views.PROVINCES);
    }

    Boolean bool(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.badRequest("parameter '" + name + "': '" + value + "' is not a boolean (true or false)");
    }

    Format format() {
        String value = get("format");
        if (value == null) {
            return Format.JSON;
        }
        for (Format f : Format.values()) {
            if (f.value.equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw ApiException.badRequest("parameter 'format': unknown format '" + value + "'; expected json, csv, csv-excel or xlsx");
    }

    static String nisCode(String value) {
        if (value == null || !NIS.matcher(value).matches()) {
            throw ApiException.badRequest("NIS code '" + value + "' is malformed; expected 5 digits");
        }
        return value;
    }
}
