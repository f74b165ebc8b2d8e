package be.lokaalsignaal.scan.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The place names as a municipality's pages read them, with the catalogue's actors: the same for every page of a
 * site, so worked out once per municipality ({@link #of}), not once per page (on a page of 2 KB the names' lists
 * cost more than reading it).
 *
 * @param ownPhrases      the catalogue's own actors and the municipality's own names
 * @param outsidePhrases  the catalogue's outside bodies and the other municipalities' names
 * @param otherHoldingOwn the others' names that hold one of its own ("Tielt-Winge" on a page of Tielt)
 * @param ownHoldingOther its own names that hold one of the others'
 * @param others          the others' names
 * @param needCapital     the names that are names only with a capital
 * @param longestActor    the most words an actor or partner phrase has: how far back a phrase ending at a word can
 *                        start
 */
record ActorNames(List<Phrase> ownPhrases, List<Phrase> outsidePhrases, List<Phrase> otherHoldingOwn,
                  List<Phrase> ownHoldingOther, Set<Phrase> others, Set<Phrase> needCapital, int longestActor) {

    static ActorNames of(Actors actors, List<Phrase> own, List<Phrase> other, Set<Phrase> needCapital) {
        int longest = 1;
        for (List<Phrase> list : List.of(actors.own(), actors.local(), actors.outside(), actors.others(),
                actors.nameParts(), actors.places(), actors.partners(), own, other)) {
            for (Phrase p : list) {
                longest = Math.max(longest, p.length());
            }
        }
        List<Phrase> ownPhrases = new ArrayList<>(actors.own());
        ownPhrases.addAll(own);
        List<Phrase> outsidePhrases = new ArrayList<>(actors.outside());
        outsidePhrases.addAll(other);
        return new ActorNames(List.copyOf(ownPhrases), List.copyOf(outsidePhrases), List.copyOf(holding(other, own)),
                List.copyOf(holding(own, other)), Set.copyOf(other), Set.copyOf(needCapital), longest);
    }

    /** The names whose words hold all words of one of the others in a row: "Tielt-Winge" holds "Tielt". */
    private static List<Phrase> holding(List<Phrase> names, List<Phrase> others) {
        List<Phrase> out = new ArrayList<>();
        for (Phrase n : names) {
            for (Phrase o : others) {
                if (o.length() < n.length() && holds(n.words(), o.words())) {
                    out.add(n);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean holds(int[] words, int[] part) {
        for (int i = 0; i + part.length <= words.length; i++) {
            if (Arrays.equals(words, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }
}
