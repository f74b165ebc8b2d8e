package be.lokaalsignaal.source.newsletter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as newsletters write them: ISO, "3 maart 2021", "03/03/2021", "3-3-2021". */
final class IssueDates {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("februari", 2), Map.entry("maart", 3), Map.entry("april", 4),
            Map.entry("mei", 5), Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("augustus", 8),
            Map.entry("september", 9), Map.entry("oktober", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mrt", 3), Map.entry("apr", 4), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("okt", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern WORDS = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s+(" + String.join("|", MONTHS.keySet()) + ")\\.?\\s+(\\d{4})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?!\\d)");

    private IssueDates() {
    }

    /** An attribute value: ISO date, ISO date-time (taken in Brussels) or a written date. */
    static Optional<LocalDate> parseValue(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            if (v.length() > 10 && v.charAt(10) == 'T') {
                return Optional.of(OffsetDateTime.parse(v).atZoneSameInstant(BRUSSELS).toLocalDate());
            }
        } catch (DateTimeException e) {
            // fall through to the looser forms
        }
        return findIn(v);
    }

    /** The first date written in a text. */
    static Optional<LocalDate> findIn(String text) {
        Optional<LocalDate> best = Optional.empty();
        int bestAt = Integer.MAX_VALUE;
        Matcher iso = ISO.matcher(text);
        if (iso.find() && iso.start() < bestAt) {
            Optional<LocalDate> d = of(iso.group(1), iso.group(2), iso.group(3));
            if (d.isPresent()) {
                best = d;
                bestAt = iso.start();
            }
        }
        Matcher words = WORDS.matcher(text);
        while (words.find() && words.start() < bestAt) {
            Integer month = MONTHS.get(words.group(2).toLowerCase());
            Optional<LocalDate> d = of(words.group(3), String.valueOf(month), words.group(1));
            if (d.isPresent()) {
                best = d;
                bestAt = words.start();
                break;
            }
        }
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find() && numeric.start() < bestAt) {
            Optional<LocalDate> d = of(numeric.group(3), numeric.group(2), numeric.group(1));
            if (d.isPresent()) {
                best = d;
                break;
            }
        }
        return best;
    }

    private static Optional<LocalDate> of(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
