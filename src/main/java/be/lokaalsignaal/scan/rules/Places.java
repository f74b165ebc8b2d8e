package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.register.NameMatcher;
import be.lokaalsignaal.register.Register;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names of the municipalities, for the actor conditions: a campaign that names the municipality whose
 * site it is counts as its own ({gemeente} in signals.yml); one that names only another municipality is
 * news about elsewhere ({andere gemeente}). The names of merged municipalities count for each other: a page of
 * Tongeren-Borgloon that says Tongeren speaks of itself.
 */
public final class Places {

    /**
     * Names that are also Dutch words besides the register's own list: "we voeren een campagne" is no news about
     * Voeren, "er vielen schoten" none about Schoten, "studenten halen hun diploma" none about Halen.
     */
    static final Set<String> ALSO_WORDS = Set.of("Voeren", "Schoten", "Malle", "Halen");

    private final Map<String, Set<String>> ownNames;
    private final Set<String> allNames;
    private final Set<String> ambiguous;
    private final Set<String> adjectives;

    private Places(Map<String, Set<String>> ownNames, Set<String> allNames, Set<String> ambiguous,
                   Set<String> adjectives) {
        this.ownNames = ownNames;
        this.allNames = allNames;
        this.adjectives = Set.copyOf(adjectives);
        Set<String> words = new HashSet<>(ambiguous);
        words.addAll(ALSO_WORDS);
        this.ambiguous = Set.copyOf(words);
    }

    /** Every municipality of the register, the 300 before and the 285 after the 2025 mergers. */
    public static Places of(Register register) {
        Map<String, Municipality> byNis = new HashMap<>();
        for (Municipality m : register.all()) {
            byNis.put(m.getNisCode(), m);
        }
        Map<String, Set<String>> own = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (Municipality m : register.all()) {
            Set<String> names = new LinkedHashSet<>();
            names.add(m.getName());
            for (String p : m.getPredecessors()) {
                if (byNis.containsKey(p)) {
                    names.add(byNis.get(p).getName());
                }
            }
            if (m.getSuccessor() != null && byNis.containsKey(m.getSuccessor())) {
                names.add(byNis.get(m.getSuccessor()).getName());
            }
            own.put(m.getNisCode(), names);
            all.add(m.getName());
        }
        // "de Antwerpse cafés" on a page of Schoten is news about Antwerpen, as "in Antwerpen" is
        Map<String, Set<String>> adjectives = adjectives(all);
        Set<String> ambiguous = new HashSet<>(NameMatcher.AMBIGUOUS_NAMES);
        Set<String> allAdjectives = new HashSet<>();
        for (Set<String> names : own.values()) {
            for (String name : List.copyOf(names)) {
                names.addAll(adjectives.getOrDefault(name, Set.of()));
            }
        }
        adjectives.forEach((name, forms) -> {
            all.addAll(forms);
            allAdjectives.addAll(forms);
            if (NameMatcher.AMBIGUOUS_NAMES.contains(name) || ALSO_WORDS.contains(name)) {
                ambiguous.addAll(forms);
            }
        });
        own.replaceAll((nis, names) -> Set.copyOf(names));
        return new Places(own, all, ambiguous, allAdjectives);
    }

    /**
     * The adjective of each one-word name, ending in "se" as Dutch forms it: Mechelen - Mechelse, Leuven - Leuvense,
     * Brugge - Brugse, Gent - Gentse. A form is made for every reading of the ending, so some forms are no word
     * anyone writes (Leuvse), which costs nothing. Irregular ones (Aalsterse, Roeselaarse) and those of names with
     * more than one word are not made; a form that is another municipality's name (As - Asse) or that two names
     * would make (Ham and Hamme - Hamse) is left out.
     */
    static Map<String, Set<String>> adjectives(Set<String> names) {
        Set<String> lowerNames = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, Set<String>> byName = new HashMap<>();
        Map<String, Integer> made = new HashMap<>();
        for (String name : names) {
            if (!name.chars().allMatch(Character::isLetter)) {
                continue;
            }
            Set<String> forms = new LinkedHashSet<>();
            String stem = name;
            if (name.endsWith("en")) {
                forms.add(name + "se");
                stem = name.substring(0, name.length() - 2);
            } else if (name.endsWith("e")) {
                stem = name.substring(0, name.length() - 1);
            }
            int n = stem.length();
            if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "aeiouy".indexOf(stem.charAt(n - 1)) < 0) {
                stem = stem.substring(0, n - 1);
            }
            forms.add(stem + "se");
            forms.removeIf(f -> lowerNames.contains(f.toLowerCase(Locale.ROOT)));
            forms.forEach(f -> made.merge(f.toLowerCase(Locale.ROOT), 1, Integer::sum));
            byName.put(name, forms);
        }
        byName.values().forEach(forms -> forms.removeIf(f -> made.get(f.toLowerCase(Locale.ROOT)) > 1));
        byName.values().removeIf(Set::isEmpty);
        return byName;
    }

    /** For tests: the given municipalities only (NIS code → name). */
    static Places of(Map<String, String> names) {
        Map<String, Set<String>> own = new HashMap<>();
        names.forEach((nis, name) -> own.put(nis, Set.of(name)));
        return new Places(own, new LinkedHashSet<>(names.values()), NameMatcher.AMBIGUOUS_NAMES, Set.of());
    }

    /** Names of every municipality, as written in the register. */
    List<String> names() {
        return List.copyOf(allNames);
    }

    /** The names a page of this municipality's site uses for itself; empty when the code is unknown. */
    Set<String> ownNames(String nisCode) {
        return nisCode == null ? Set.of() : ownNames.getOrDefault(nisCode, Set.of());
    }

    /** The names a page of this municipality's site calls the municipality itself by: its own names, not adjectives. */
    public Set<String> selfNames(String nisCode) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String name : ownNames(nisCode)) {
            if (!isAdjective(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * A town's adjective names the town as a place or a kind ("de Leuvense studenten", "de Mechelse cafés"), not
     * the town acting: another town's tells a page speaks of elsewhere, its own says nothing of who acts.
     */
    boolean isAdjective(String name) {
        return adjectives.contains(name);
    }

    /** Names that are also Dutch words (Boom, Peer, Mol): they count only when written with a capital. */
    boolean needsCapital(String name) {
        return ambiguous.contains(name);
    }

    @Override
    public String toString() {
        return allNames.stream().limit(3).collect(Collectors.joining(", ", "Places[", ", ...]"));
    }
}
