package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.avro.MatchedPhrase;
import be.lokaalsignaal.avro.RuleMatch;
import be.lokaalsignaal.scan.extract.Link;
import be.lokaalsignaal.scan.rules.PageActors.Actor;
import be.lokaalsignaal.scan.rules.PageActors.Decision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The phrase rules over one page, with the page's words read once (a {@link PageIndex}). */
final class RuleRun {

    /** Whose an action is on the whole page, with the block and decision that said so (or null). */
    private record Attribution(Actor actor, PageIndex.Block block, Decision decision) {
    }

    private final PageIndex index;
    private final PageActors pageActors;
    /** The page's actors as the rule evaluated now reads them: with its hosts set aside (see PhraseRule.hosts). */
    private PageActors actors;
    private final Map<Set<String>, PageActors> hosting = new HashMap<>();
    /** Whether the site's municipality is known: then an action must be given to someone to count. */
    private final boolean knownMunicipality;
    private final Map<Group, Hits> groups = new IdentityHashMap<>();
    private final Map<List<Phrase>, Hits> lists = new IdentityHashMap<>();
    private final Map<PageActors, Map<Group, Attribution>> attributions = new IdentityHashMap<>();
    private final Map<Hits, int[]> sectionExcludes = new IdentityHashMap<>();
    /** Why the rule evaluated last did not match, for an analyst asking about a page it missed; null on a match. */
    private String why;

    RuleRun(PageIndex index, Actors actors, ActorNames names, boolean knownMunicipality, List<Link> links) {
        this.index = index;
        this.knownMunicipality = knownMunicipality;
        this.pageActors = new PageActors(index, actors, names, links);
        this.actors = pageActors;
    }

    Hits hits(Group g) {
        return groups.computeIfAbsent(g, k -> {
            Hits h = HitFilter.notInSentence(index, Hits.of(index, k.any(), k.notIn()), hits(k.notInSentence()));
            h = k.notInFigures() ? HitFilter.notInFigures(index, h) : h;
            h = k.notInQuestion() ? HitFilter.notInQuestion(index, h) : h;
            h = k.notInOutsideSentence() ? pageActors.notInOutsideSentence(h) : h;
            Group.NotNearSentences around = k.notNearSentences();
            h = around == null ? h : HitFilter.notNearSentences(index, h, hits(around.any()), around.sentences());
            return k.notNear() == null ? h : HitFilter.notNear(h, hits(k.notNear().any()), k.notNear().words());
        });
    }

    Hits hits(List<Phrase> phrases) {
        return lists.computeIfAbsent(phrases, k -> Hits.of(index, k, List.of()));
    }

    /** Why the rule evaluated last did not match the page, in the catalogue's words; null when it matched. */
    String whyNot() {
        return why;
    }

    /** The rule's match on this page with its evidence, or null. */
    RuleMatch evaluate(PhraseRule rule) {
        actors = rule.hosts().isEmpty() ? pageActors : hosting.computeIfAbsent(rule.hosts(), pageActors::hosting);
        for (Group g : rule.allOf()) {
            if (hits(g).isEmpty()) {
                why = "no " + g.name() + " phrase on the page";
                return null;
            }
        }
        int titleHit = -1;
        PageIndex.Block titleBlock = null;
        if (rule.titleOrUrl() != null) {
            Hits t = hits(rule.titleOrUrl());
            titleHit = t.first(index.title);
            titleBlock = index.title;
            if (titleHit < 0) {
                titleHit = t.first(index.url);
                titleBlock = index.url;
            }
            if (titleHit < 0) {
                why = "no titleOrUrl phrase in the title or the URL";
                return null;
            }
        }
        if (!rule.notTitleOrUrl().isEmpty()) {
            Hits n = hits(rule.notTitleOrUrl());
            int k = n.firstInTitleOrUrl(index);
            if (k >= 0) {
                why = "notTitleOrUrl '" + n.phrase[k].source() + "' in the title or the URL";
                return null;
            }
        }
        for (PhraseRule.OtherKind other : rule.otherKind()) {
            String near = otherKindOnPage(rule, other);
            if (near != null) {
                why = "otherKind '" + near + "' within " + other.words() + " words of the anchor";
                return null;
            }
        }
        Evidence evidence = rule.scope() == SignalCatalogue.Scope.BLOCK ? inBlock(rule) : inDocument(rule);
        if (evidence == null) {
            return null;
        }
        why = null;
        if (titleHit >= 0) {
            Hits t = hits(rule.titleOrUrl());
            evidence.phrases.add(phrase("titleOrUrl", t.phrase[titleHit].source(),
                    index.text(titleBlock, t.start[titleHit], t.end[titleHit])));
        }
        return RuleMatch.newBuilder().setKind(rule.kind().name()).setRule(rule.id())
                .setSnippet(cap(evidence.snippet)).setPhrases(evidence.phrases)
                .setActor(evidence.actor).build();
    }

    private static final class Evidence {
        String snippet;
        final List<MatchedPhrase> phrases = new ArrayList<>();
        String actor;
    }

    // ------------------------------------------------------------------ scope block

    private Evidence inBlock(PhraseRule rule) {
        List<Hits> groupHits = new ArrayList<>(rule.allOf().size());
        for (Group g : rule.allOf()) {
            groupHits.add(hits(g));
        }
        Hits exclude = hits(rule.exclude());
        int[] found = new int[groupHits.size()];
        PageIndex.Block unnamed = null;
        int[] unnamedFound = null;
        Decision unnamedBy = null;
        // the first block that names no one, for a rule that looks at who else the page names
        PageIndex.Block silent = null;
        int[] silentFound = null;
        // the furthest any block came, for whyNot
        why = "no block holds a phrase of every group";
        boolean readsThePage = rule.readsThePage();
        int stage = 0;
        for (PageIndex.Block b : index.blocks) {
            if (!allIn(rule, b, groupHits, found)) {
                continue;
            }
            int excluded = excludedAt(b, exclude);
            if (excluded >= 0) {
                if (stage < 1) {
                    stage = 1;
                    why = "every group in a block that holds exclude '" + exclude.phrase[excluded].source() + "'";
                }
                continue;
            }
            if (rule.within() != null && !near(b, rule.within(), groupHits, found)) {
                if (stage < 1) {
                    stage = 1;
                    why = "every group in a block, but " + rule.allOf().get(rule.within().first()).name() + " and "
                            + rule.allOf().get(rule.within().second()).name() + " not within "
                            + rule.within().words() + " words" + (rule.within().paragraph() ? " in one paragraph" : "");
                }
                continue;
            }
            if (!rule.actor()) {
                return evidence(rule, b, groupHits, found, null);
            }
            Decision d = actors.decide(b, hits(anchor(rule)), groupHits, found);
            if (d.actor() == Actor.OWN || d.actor() == Actor.LOCAL) {
                return evidence(rule, b, groupHits, found, d);
            }
            if (stage < 2) {
                stage = 2;
                why = "every group in a block, but the action is " + actors.said(b, d);
            }
            // "we" on the page of a known municipality, or no one at all where the municipality is not known:
            // the page may be its own, unless another block gives the action to someone else. Not a block that names
            // no one for a rule that reads a group anywhere on the page: it may be another item of a news page
            // ("Nieuwe campagne tegen zwerfvuil"); only aloneOnPage, below, lets it count
            boolean mayBeOwn = d.actor() == Actor.WE
                    || d.actor() == Actor.NONE && (!knownMunicipality || rule.unnamedCounts()) && !readsThePage
                    || d.actor() == Actor.OTHER && rule.othersCount();
            if (mayBeOwn && (unnamed == null || unnamedBy.actor() == Actor.NONE && d.actor() == Actor.WE)) {
                unnamed = b;
                unnamedFound = found.clone();
                unnamedBy = d;
            } else if (d.actor() == Actor.NONE && silent == null) {
                silent = b;
                silentFound = found.clone();
            }
        }
        if (unnamed == null && silent != null && rule.aloneOnPage() && actors.onlyTheMunicipalityNamed(groupHits)) {
            Evidence e = evidence(rule, silent, groupHits, silentFound, null);
            e.actor = "UNNAMED";
            return e;
        }
        // ...or where the first block that names someone with the action's words names the municipality: 'Stad Gent
        // hangt nieuwe affiches op' above 'Op de affiches: een boodschap tegen straatintimidatie'
        if (unnamed == null && silent != null && rule.aloneOnPage()) {
            Attribution first = attribution(anchor(rule));
            if (first.actor == Actor.OWN || first.actor == Actor.LOCAL) {
                Evidence e = evidence(rule, silent, groupHits, silentFound, null);
                addActor(e, first);
                return e;
            }
        }
        if (unnamed == null) {
            return null;
        }
        Attribution a = attribution(anchor(rule));
        if (a.actor == Actor.OUTSIDE || a.actor == Actor.OTHER && !rule.othersCount()) {
            why = "a block with every group names " + (unnamedBy.actor() == Actor.WE ? "only 'we'" : "no one")
                    + ", and the page gives the action to " + actors.said(a.block, a.decision);
            return null;
        }
        // a block that names no one, on a page whose title names an outside body or another place, tells of what
        // is done there: "Werkbezoek aan onze Engelse partnerstad ... in bijna alle pubs hangen affiches"
        if (a.actor == Actor.NONE && unnamedBy.actor() == Actor.NONE && actors.titleNamesOutside()) {
            why = "a block with every group names no one, on a page whose title names "
                    + "an outside body or another place";
            return null;
        }
        // "we" on a page whose title names an outside body or an organisation ("Sensoa", "vzw Lijfwijs"), or that names
        // an organisation anywhere, may be theirs
        if (a.actor == Actor.NONE && unnamedBy.actor() == Actor.WE
                && actors.weMayBeSomeoneElse()) {
            why = "'we' acts, on a page that names an organisation (or whose title names an outside body)";
            return null;
        }
        Evidence e = evidence(rule, unnamed, groupHits, unnamedFound, null);
        if (a.actor == Actor.NONE && unnamedBy.actor() == Actor.WE) {
            addActor(e, unnamed, unnamedBy);
        } else {
            addActor(e, a);
        }
        return e;
    }

    /**
     * An exclude hit in the block or, for a paragraph, in a section made of it: an item of a list under a heading or
     * lead that names the zonal safety plan is the plan's, as the section is. Its number in exclude, or -1.
     */
    private int excludedAt(PageIndex.Block b, Hits exclude) {
        int k = exclude.first(b);
        if (k >= 0 || b.index >= index.paragraphs || exclude.isEmpty()) {
            return k;
        }
        return sectionExcludes.computeIfAbsent(exclude, this::bySection)[b.index];
    }

    /**
     * For every paragraph, the exclude hit of the first section made of it that holds one, or -1: worked out once per
     * page and list, since every candidate paragraph of every rule with that list asks.
     */
    private int[] bySection(Hits exclude) {
        int[] at = new int[index.paragraphs];
        Arrays.fill(at, -1);
        for (int s = index.paragraphs; s < index.blocks.size(); s++) {
            PageIndex.Block section = index.blocks.get(s);
            // only the section's heading and lead say what its paragraphs are: a PDF page is a section too, and its
            // last action updating the safety plan says nothing of the campaign above it
            int k = section.firstParagraph < 0 ? -1 : exclude.first(section.from,
                    index.blocks.get(Math.min(section.firstParagraph + 1, section.lastParagraph)).to);
            for (int p = section.firstParagraph; k >= 0 && p <= section.lastParagraph; p++) {
                if (at[p] < 0) {
                    at[p] = k;
                }
            }
        }
        return at;
    }

    /** Two groups' hits in the block at most so many words apart (and in one paragraph); found gets the pair. */
    private boolean near(PageIndex.Block b, PhraseRule.Within within, List<Hits> groupHits, int[] found) {
        Hits x = groupHits.get(within.first());
        Hits y = groupHits.get(within.second());
        for (int i = x.first(b); i >= 0 && i < x.size() && x.start[i] < b.to; i++) {
            if (x.end[i] > b.to) {
                continue;
            }
            for (int j = Hits.lowerBound(y.start, y.size(), Math.max(b.from, x.start[i] - within.words() - 64));
                 j < y.size() && y.start[j] <= x.end[i] + within.words(); j++) {
                if (!b.holds(y.start[j], y.end[j]) || within.paragraph() && !oneParagraph(x.start[i], y.start[j])) {
                    continue;
                }
                int gap = Math.max(x.start[i], y.start[j]) - Math.min(x.end[i], y.end[j]);
                if (gap <= within.words()) {
                    found[within.first()] = i;
                    found[within.second()] = j;
                    return true;
                }
            }
        }
        return false;
    }

    private boolean oneParagraph(int a, int b) {
        int[] s = index.textOf(a);
        return b >= s[0] && b < s[1];
    }

    private boolean allIn(PhraseRule rule, PageIndex.Block b, List<Hits> groupHits, int[] found) {
        for (int g = 0; g < found.length; g++) {
            found[g] = rule.allOf().get(g).onPage() ? groupHits.get(g).first(0, textEnd()) : groupHits.get(g).first(b);
            if (found[g] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Where the page's paragraphs end: the title and the URL after them are not its text. */
    private int textEnd() {
        return index.paragraphs == 0 ? 0 : index.blocks.get(index.paragraphs - 1).to;
    }

    private Evidence evidence(PhraseRule rule, PageIndex.Block b, List<Hits> groupHits, int[] found, Decision d) {
        Evidence e = new Evidence();
        int from = Integer.MAX_VALUE;
        int to = -1;
        for (int g = 0; g < found.length; g++) {
            Hits h = groupHits.get(g);
            int k = found[g];
            if (!b.holds(h.start[k], h.end[k])) {
                // an onPage phrase elsewhere on the page: shown in its own paragraph's words, not in the snippet
                PageIndex.Block p = index.blocks.get(index.paragraphOf(h.start[k]));
                e.phrases.add(phrase(rule.allOf().get(g).name(), h.phrase[k].source(), index.text(p, h.start[k], h.end[k])));
                continue;
            }
            from = Math.min(from, index.charStart(b, h.start[k]));
            to = Math.max(to, index.charEnd(b, h.end[k] - 1));
            e.phrases.add(phrase(rule.allOf().get(g).name(), h.phrase[k].source(), index.text(b, h.start[k], h.end[k])));
        }
        if (to - from <= SignalCatalogue.MAX_SNIPPET) {
            e.snippet = SignalCatalogue.snippet(b.text, from, to);
        } else {
            Hits h = groupHits.get(0);
            e.snippet = SignalCatalogue.snippet(b.text, index.charStart(b, h.start[found[0]]),
                    index.charEnd(b, h.end[found[0]] - 1));
        }
        addActor(e, b, d);
        return e;
    }

    private void addActor(Evidence e, PageIndex.Block b, Decision d) {
        if (d == null) {
            return;
        }
        e.actor = d.actor().name();
        e.phrases.add(phrase("actor", d.hits().phrase[d.hit()].source(),
                index.text(b, d.hits().start[d.hit()], d.hits().end[d.hit()])));
    }

    /** A block that names no one: the page's other blocks with the action's words may say whose it is. */
    private void addActor(Evidence e, Attribution a) {
        if (a.actor == Actor.NONE || a.actor == Actor.OTHER) {
            e.actor = "UNNAMED";
        } else {
            addActor(e, a.block, a.decision);
        }
    }

    // ------------------------------------------------------------------ scope document

    private Evidence inDocument(PhraseRule rule) {
        int end = textEnd();
        Hits exclude = hits(rule.exclude());
        if (exclude.first(0, end) >= 0) {
            why = "the page holds exclude '" + exclude.phrase[exclude.first(0, end)].source() + "'";
            return null;
        }
        Evidence e = new Evidence();
        for (Group g : rule.allOf()) {
            Hits h = hits(g);
            int k = h.first(0, end);
            if (k < 0) {
                why = "no " + g.name() + " phrase in the page's paragraphs";
                return null;
            }
            PageIndex.Block p = index.blocks.get(index.paragraphOf(h.start[k]));
            e.phrases.add(phrase(g.name(), h.phrase[k].source(), index.text(p, h.start[k], h.end[k])));
            // the last group names the theme; its context is the most telling evidence
            e.snippet = SignalCatalogue.snippet(p.text, index.charStart(p, h.start[k]), index.charEnd(p, h.end[k] - 1));
        }
        if (rule.actor()) {
            Attribution a = attribution(anchor(rule));
            if (a.actor == Actor.OUTSIDE || a.actor == Actor.OTHER && !rule.othersCount()
                    || a.actor == Actor.NONE && knownMunicipality && !rule.unnamedCounts()) {
                why = "the page gives the action to " + actors.said(a.block, a.decision);
                return null;
            }
            addActor(e, a);
        }
        return e;
    }

    // ------------------------------------------------------------------ actors

    /**
     * Whose the action of a group is on the whole page, from every block that holds a phrase of it: LOCAL when
     * one of them gives it to the municipality, OUTSIDE when one gives it to someone else and none to the
     * municipality, NONE when none says.
     */
    private Attribution attribution(Group first) {
        Map<Group, Attribution> memos = attributions.computeIfAbsent(actors, k -> new IdentityHashMap<>());
        Attribution memo = memos.get(first);
        if (memo != null) {
            return memo;
        }
        Hits h = hits(first);
        Attribution result = new Attribution(Actor.NONE, null, null);
        for (PageIndex.Block b : index.blocks) {
            if (h.first(b) < 0) {
                continue;
            }
            Decision d = actors.decide(b, h, List.of(), new int[0]);
            if (d.actor() == Actor.OWN || d.actor() == Actor.LOCAL) {
                result = new Attribution(d.actor(), b, d);
                break;
            }
            // an outside actor anywhere outweighs others
            if (d.actor() == Actor.OUTSIDE && result.actor != Actor.OUTSIDE
                    || d.actor() == Actor.OTHER && result.actor == Actor.NONE) {
                result = new Attribution(d.actor(), b, d);
            }
        }
        memos.put(first, result);
        return result;
    }

    /** What names the action or the plan: titleOrUrl when the rule has one, else its first group. */
    private static Group anchor(PhraseRule rule) {
        return rule.titleOrUrl() != null ? rule.titleOrUrl() : rule.allOf().get(0);
    }

    /** An otherKind phrase near a phrase of the anchor, in a block that holds both (its source), or null. */
    private String otherKindOnPage(PhraseRule rule, PhraseRule.OtherKind otherKind) {
        if (!otherKind.unlessOnPage().isEmpty() && !hits(otherKind.unlessOnPage()).isEmpty()) {
            return null;
        }
        Hits anchor = hits(anchor(rule));
        Hits other = hits(otherKind.any());
        int reach = otherKind.words();
        boolean[] running = RunningLines.of(index, anchor);
        for (int o = 0; o < other.size(); o++) {
            for (int a = Hits.lowerBound(anchor.start, anchor.size(), other.start[o] - reach - 64);
                 a < anchor.size() && anchor.start[a] <= other.end[o] + reach; a++) {
                if (running[a]) {
                    continue;
                }
                int gap = Math.max(anchor.start[a], other.start[o]) - Math.min(anchor.end[a], other.end[o]);
                if (gap <= reach && inOneBlock(Math.min(anchor.start[a], other.start[o]),
                        Math.max(anchor.end[a], other.end[o]))) {
                    return other.phrase[o].source();
                }
            }
        }
        return null;
    }

    private boolean inOneBlock(int from, int to) {
        int p = index.paragraphOf(from);
        if (p >= 0 && index.blocks.get(p).holds(from, to)) {
            return true;
        }
        for (int b = index.paragraphs; b < index.blocks.size(); b++) {
            if (index.blocks.get(b).holds(from, to)) {
                return true;
            }
        }
        return false;
    }

    /** The hits not dropped and not overlapping a hit of the overriding list. */
    private static MatchedPhrase phrase(String role, String phrase, String text) {
        return MatchedPhrase.newBuilder().setRole(role).setPhrase(phrase).setText(cap(text)).build();
    }

    private static String cap(String s) {
        return s.length() > SignalCatalogue.MAX_SNIPPET ? s.substring(0, SignalCatalogue.MAX_SNIPPET) : s;
    }
}
