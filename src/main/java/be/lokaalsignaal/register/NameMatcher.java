package be.lokaalsignaal.register;

import be.lokaalsignaal.avro.Municipality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds municipality names in Dutch text.
 *
 * <p>Names match case- and accent-insensitively on word boundaries, the longest name first (so
 * "Sint-Niklaas" is never read as a shorter name inside it), optionally after "stad" or
 * "gemeente". Old names of merged municipalities are found too and count for the municipality
 * in force on the given date.
 *
 * <p>Some names are also ordinary Dutch words (Boom, Peer, Mol, Landen, Menen...). Such a name
 * only counts after "stad"/"gemeente", or when written with a capital that is not explained by
 * the start of a sentence, line or heading: "de boom in het park" and "Boom in het park" are not
 * the municipality; "campagne van Boom" and "de gemeente Boom" are.
 */
public final class NameMatcher {

    /** Names of municipalities that are also common Dutch words. */
    public static final Set<String> AMBIGUOUS_NAMES = Set.of(
            "As", "Balen", "Bever", "Boom", "Bree", "Damme", "Essen", "Geel", "Halle", "Ham", "Hamme",
            "Hove", "Kapellen", "Landen", "Lede", "Lier", "Lint", "Menen", "Mol", "Niel", "Peer",
            "Puurs", "Putte", "Wellen", "Zele");

    private static final Pattern PREFIX = Pattern.compile("(?:(stad|gemeente)\\s+)?");

    private final Register register;
    private final Map<String, List<Municipality>> byFoldedName;
    private final Set<String> ambiguous;
    private final Pattern pattern;

    public NameMatcher(Register register) {
        this(register, AMBIGUOUS_NAMES);
    }

    public NameMatcher(Register register, Set<String> ambiguousNames) {
        this.register = register;
        this.ambiguous = ambiguousNames.stream().map(TextFold::fold).collect(Collectors.toSet());
        Map<String, List<Municipality>> names = new LinkedHashMap<>();
        for (Municipality m : register.all()) {
            names.computeIfAbsent(TextFold.fold(m.getName()).trim(), k -> new ArrayList<>()).add(m);
        }
        this.byFoldedName = names;
        String alternatives = names.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(n -> Pattern.quote(n).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + PREFIX.pattern()
                + "(" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    /** A municipality name found in a text. */
    public record Match(String nisCode, String matchedName, int start, int end, boolean prefixed) {
    }

    /** The municipalities named in the text, in order of appearance, resolved to the codes in force on the date. */
    public List<Match> find(String text, LocalDate date) {
        String folded = TextFold.fold(text);
        Matcher m = pattern.matcher(folded);
        List<Match> matches = new ArrayList<>();
        while (m.find()) {
            int nameStart = m.start(2);
            int nameEnd = m.end(2);
            boolean prefixed = m.group(1) != null;
            String key = m.group(2).replaceAll("\\s+", " ");
            if (!prefixed && precededByProvince(folded, nameStart)) {
                continue;
            }
            if (!prefixed && ambiguous.contains(key)
                    && (!Character.isUpperCase(text.charAt(nameStart)) || sentenceInitial(text, nameStart))) {
                continue;
            }
            resolve(key, date).ifPresent(nis ->
                    matches.add(new Match(nis, text.substring(nameStart, nameEnd), m.start(), nameEnd, prefixed)));
        }
        return matches;
    }

    /** The NIS code for an exact name (optionally with "stad"/"gemeente"), in force on the date. */
    public Optional<String> resolveName(String name, LocalDate date) {
        String key = TextFold.fold(name).trim().replaceAll("\\s+", " ")
                .replaceFirst("^(stad|gemeente) ", "");
        return resolve(key, date);
    }

    private Optional<String> resolve(String foldedName, LocalDate date) {
        List<Municipality> candidates = byFoldedName.get(foldedName);
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        for (Municipality c : candidates) {
            if (Register.inForce(c, date)) {
                return Optional.of(c.getNisCode());
            }
        }
        // an old name after the merger, or a new name before it: prefer the one that existed earliest
        Municipality first = candidates.stream()
                .min(Comparator.comparing((Municipality c) -> c.getValidFrom() != null))
                .orElseThrow();
        return Optional.of(register.successorOn(first.getNisCode(), date));
    }

    /** The register names nearest to an unknown name (those at the smallest edit distance, at most three). */
    public List<String> suggestions(String unknownName) {
        String wanted = TextFold.fold(unknownName).trim().replaceAll("\\s+", " ");
        int limit = Math.max(2, wanted.length() / 3);
        record Scored(String name, int distance) {
        }
        Set<String> seen = new TreeSet<>();
        List<Scored> scored = register.all().stream()
                .map(Municipality::getName)
                .filter(seen::add)
                .map(n -> new Scored(n, distance(wanted, TextFold.fold(n))))
                .filter(s -> s.distance <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .toList();
        if (scored.isEmpty()) {
            return List.of();
        }
        // only the nearest: a near miss of one letter should not also suggest names two letters away
        int best = scored.get(0).distance();
        return scored.stream().filter(s -> s.distance() == best).limit(3).map(Scored::name).toList();
    }

    private static boolean precededByProvince(String folded, int start) {
        String before = folded.substring(Math.max(0, start - 12), start).toLowerCase(Locale.ROOT);
        return before.matches("(?s).*provincie\\s+$");
    }

    private static boolean sentenceInitial(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00a0')) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = text.charAt(i);
        return c == '\n' || c == '\r' || ".!?:;•*–—-\"'‘“„(".indexOf(c) >= 0;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
