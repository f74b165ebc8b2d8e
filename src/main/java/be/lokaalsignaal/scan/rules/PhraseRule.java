package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.topics.SignalKind;
import java.util.List;

/**
 * One phrase rule of the catalogue (signals.yml, rules): CAMPAIGN, SAFETY_PLAN or NIGHTLIFE.
 *
 * @param allOf      groups of alternatives; every group must occur. The first group names the action or
 *                   the plan: the actor and otherKind conditions look at the blocks that hold it
 * @param titleOrUrl a group that must occur in the title or the URL; null when the rule has none
 * @param exclude    the rule does not match in a block (scope document: a page) holding one of these
 * @param otherKind  the rule does not match on a page where one of these stands in a block together with a
 *                   phrase of the first group: the page speaks of another kind of plan or action
 * @param actor      whether the municipality must be the one acting (see {@link Actors})
 */
public record PhraseRule(String id, SignalKind kind, String description, List<Group> allOf, Group titleOrUrl,
                         List<Phrase> exclude, List<Phrase> otherKind, SignalCatalogue.Scope scope, boolean actor) {

    public PhraseRule {
        allOf = List.copyOf(allOf);
        exclude = List.copyOf(exclude);
        otherKind = List.copyOf(otherKind);
    }
}
