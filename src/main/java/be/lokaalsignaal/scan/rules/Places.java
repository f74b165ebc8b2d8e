package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.register.NameMatcher;
import be.lokaalsignaal.register.Register;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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

    private Places(Map<String, Set<String>> ownNames, Set<String> allNames, Set<String> ambiguous) {
        this.ownNames = ownNames;
        this.allNames = allNames;
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
            own.put(m.getNisCode(), Set.copyOf(names));
            all.add(m.getName());
        }
        return new Places(own, all, NameMatcher.AMBIGUOUS_NAMES);
    }

    /** For tests: the given municipalities only (NIS code → name). */
    static Places of(Map<String, String> names) {
        Map<String, Set<String>> own = new HashMap<>();
        names.forEach((nis, name) -> own.put(nis, Set.of(name)));
        return new Places(own, new LinkedHashSet<>(names.values()), NameMatcher.AMBIGUOUS_NAMES);
    }

    /** Names of every municipality, as written in the register. */
    List<String> names() {
        return List.copyOf(allNames);
    }

    /** The names a page of this municipality's site uses for itself; empty when the code is unknown. */
    Set<String> ownNames(String nisCode) {
        return nisCode == null ? Set.of() : ownNames.getOrDefault(nisCode, Set.of());
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
