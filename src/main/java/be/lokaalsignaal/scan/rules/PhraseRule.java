package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.topics.SignalKind;
import java.util.List;
import java.util.Set;

/**
 * One phrase rule of the catalogue (signals.yml, rules): CAMPAIGN, SAFETY_PLAN or NIGHTLIFE.
 *
 * @param allOf      groups of alternatives; every group must occur. The first group names the action or
 *                   the plan: it is the rule's anchor (titleOrUrl is, when the rule has one), and the actor and
 *                   otherKind conditions look at the blocks that hold the anchor
 * @param titleOrUrl a group that must occur in the title or the URL; null when the rule has none
 * @param notTitleOrUrl the rule does not match on a page whose title or URL holds one of these
 * @param exclude    the rule does not match in a block (scope document: a page) holding one of these
 * @param otherKind  the rule does not match on a page where a phrase of one of these stands within its words of a
 *                   phrase of the anchor, in one block: the page speaks of another kind of plan or action
 * @param actor      whether the municipality must be the one acting (see {@link Actors})
 * @param unnamedCounts with actor: whether a block that names no one counts on a known municipality's page
 *                   (unless the page gives the action to someone else)
 * @param othersCount with actor: whether the others (organisers, associations) may stand beside it; only an
 *                   outside actor (another zone, a federal body) then says it is not the municipality's
 * @param within     two groups whose hits must lie close together in the block (or in one paragraph), or null
 * @param aloneOnPage with actor: whether a block that names no one counts when the whole page names the
 *                   municipality (or its services) and no one else: nobody else it could be
 * @param hosts      with actor: sources of phrases of the actors' others that this kind's measure is taken at, not by
 *                   someone else instead of the municipality (a youth house whose bar volunteers the youth service
 *                   trains); empty for most rules
 */
public record PhraseRule(String id, SignalKind kind, String description, List<Group> allOf, Group titleOrUrl,
                         List<Phrase> notTitleOrUrl, List<Phrase> exclude, List<OtherKind> otherKind,
                         SignalCatalogue.Scope scope, boolean actor, boolean unnamedCounts, boolean othersCount,
                         Within within, boolean aloneOnPage, Set<String> hosts) {

    /** How near the anchor an otherKind phrase must stand when the catalogue does not say. */
    public static final int OTHER_KIND_WORDS = 12;

    /**
     * The hits of two groups (indexes in allOf) at most this many words apart: "opleiding voor barpersoneel"; with
     * paragraph, also in one paragraph: "een app tegen straatintimidatie", not the theme that ends the paragraph
     * before.
     */
    public record Within(int words, int first, int second, boolean paragraph) {
    }

    /**
     * Phrases that say the page speaks of another kind of plan or action when within words of the anchor; not on a
     * page that holds one of unlessOnPage, which says what the page is ('De gemeenteraad neemt kennis van het zonaal
     * veiligheidsplan': a councillor's question beside it is asked in the plan's own item, not instead of it).
     */
    public record OtherKind(int words, List<Phrase> any, List<Phrase> unlessOnPage) {
        public OtherKind {
            any = List.copyOf(any);
            unlessOnPage = List.copyOf(unlessOnPage);
        }

        public OtherKind(int words, List<Phrase> any) {
            this(words, any, List.of());
        }
    }

    /** Whether a group of the rule may stand anywhere on the page (onPage), not only in the anchor's block. */
    public boolean readsThePage() {
        return allOf.stream().anyMatch(Group::onPage);
    }

    public PhraseRule {
        allOf = List.copyOf(allOf);
        exclude = List.copyOf(exclude);
        notTitleOrUrl = List.copyOf(notTitleOrUrl);
        otherKind = List.copyOf(otherKind);
        hosts = Set.copyOf(hosts);
    }
}
