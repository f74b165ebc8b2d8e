package be.lokaalsignaal.scan.rules;

import static be.lokaalsignaal.scan.rules.ActorNeighbours.listedAfter;
import static be.lokaalsignaal.scan.rules.ActorNeighbours.or;

import be.lokaalsignaal.scan.extract.Link;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who acts on one page (signals.yml, actors): the hits of the municipality's own names and services, outside bodies,
 * others, joins and "we", with partners and names that are part of another name set aside; and whose an action in a
 * block is by them.
 */
final class PageActors {

    /** Whose action a block says it is. */
    enum Actor { OWN, OUTSIDE, LOCAL, OTHER, WE, NONE }

    /** An actor decision with the hit that made it, in hits (or -1). */
    record Decision(Actor actor, Hits hits, int hit) {
    }

    private final PageIndex index;
    private final Actors actors;
    private final ActorNames names;
    /** The page's links: a paragraph that is one's whole text names another page ('Lees ook: Nachtbus De Lijn'). */
    private final List<Link> links;
    /** Their texts, when first asked (most pages never ask). */
    private Set<String> linkTexts;
    private final ActorNeighbours neighbours;
    private Hits own;
    private Hits local;
    private Hits outside;
    /** Other municipalities' names among the outside hits, not as places: "in Gent" says where, "Stad Gent" who. */
    private Hits outsideActing;
    private Hits others;
    private Hits joins;
    private Hits says;
    private Hits we;

    /**
     * The same page's actors with the hosts of a rule's kind not among the others: "vrijwilligers van het jeugdhuis
     * volgden de vorming van de jeugddienst" is the youth service's measure, taken at the youth house.
     */
    PageActors hosting(Set<String> hosts) {
        prepare();
        boolean[] hosted = new boolean[others.size()];
        for (int k = 0; k < others.size(); k++) {
            hosted[k] = hosts.contains(others.phrase[k].source());
        }
        return new PageActors(this, HitFilter.keep(others, hosted, null));
    }

    /** This page's actors, prepared, with other others. */
    private PageActors(PageActors page, Hits others) {
        this.index = page.index;
        this.actors = page.actors;
        this.names = page.names;
        this.links = page.links;
        this.linkTexts = page.linkTexts;
        this.neighbours = page.neighbours;
        this.own = page.own;
        this.local = page.local;
        this.outside = page.outside;
        this.outsideActing = page.outsideActing;
        this.others = others;
        this.joins = page.joins;
        this.says = page.says;
        this.we = page.we;
    }

    PageActors(PageIndex index, Actors actors, ActorNames names, List<Link> links) {
        this.index = index;
        this.links = links;
        this.actors = actors;
        this.names = names;
        this.neighbours = new ActorNeighbours(names.longestActor(), names.others());
    }

    /**
     * "We" on this page may be someone else: its title names an outside body or one of the others ("Partners in de
     * kijker: vzw Lijfwijs"), or the page names an association, organiser or school anywhere (an organiser's text
     * in the municipality's event calendar: "Onze barmedewerkers...").
     */
    boolean weMayBeSomeoneElse() {
        return titleNamesOutside() || namedOutsideLinks(others);
    }

    /** The page's title names an outside body or another place ("Werkbezoek aan onze Engelse partnerstad"). */
    boolean titleNamesOutside() {
        prepare();
        return outside.first(index.title) >= 0;
    }

    /**
     * Whose action a block says it is. First the sentences that hold the anchor (the action's words); when they
     * name no one, the paragraphs of the block that hold the anchor or the rule's other words found there. A
     * date line or byline under a title ("12 maart, Stad Leuven") holds none of them and says nothing. Among
     * sentences or paragraphs, one that gives the action to the municipality decides, else one that names someone
     * else, else "we". Within one: the municipality's own name (or a local actor or "we" that joins) first, then
     * an outside body, then the municipality's services, then others who may act beside it.
     */
    Decision decide(PageIndex.Block b, Hits anchor, List<Hits> groupHits, int[] found) {
        prepare();
        // the sentence of the anchor that makes the match says first: 'De organisatie zet zelf een awarenessteam
        // in' is the organiser's, whatever another sentence of the section says of a measure of the city
        if (found.length > 0 && groupHits.get(0) == anchor) {
            Decision f = strongest(b, List.<int[]>of(index.sentenceOf(anchor.start[found[0]])));
            if (f.actor != Actor.NONE && f.actor != Actor.WE) {
                return f;
            }
        }
        List<int[]> sentences = new ArrayList<>();
        List<int[]> paragraphs = new ArrayList<>();
        for (int a = anchor.first(b); a >= 0 && a < anchor.size() && anchor.start[a] < b.to; a++) {
            if (anchor.end[a] <= b.to) {
                sentences.add(index.sentenceOf(anchor.start[a]));
                paragraphs.add(index.textOf(anchor.start[a]));
            }
        }
        for (int g = 0; g < found.length; g++) {
            Hits h = groupHits.get(g);
            // an onPage phrase in another block says nothing of who acts in this one
            if (b.holds(h.start[found[g]], h.end[found[g]])) {
                paragraphs.add(index.textOf(h.start[found[g]]));
            }
        }
        Decision d = strongest(b, sentences);
        if (d.actor != Actor.NONE && d.actor != Actor.WE) {
            return d;
        }
        // "we" in the sentence is the municipality only if its paragraphs do not name someone else
        Decision p = strongest(b, paragraphs);
        return p.actor != Actor.NONE && p.actor != Actor.WE || d.actor == Actor.NONE ? p : d;
    }

    /**
     * The hits whose sentence does not give the action to another municipality by its name: the theme in "De
     * politiezone LRH (Hasselt, Zonhoven, Diepenbeek) kiest voor seksueel geweld" is another zone's on the page of
     * Wellen. A sentence is decided as a block's is (the municipality's own name first), with only the other
     * municipalities' names that act standing for someone outside.
     */
    Hits notInOutsideSentence(Hits h) {
        if (h.isEmpty()) {
            return h;
        }
        prepare();
        boolean[] dropped = new boolean[h.size()];
        boolean any = false;
        int[] last = null;
        Actor lastActor = null;
        for (int k = 0; k < h.size(); k++) {
            int[] s = index.sentenceOf(h.start[k]);
            if (last == null || s[0] != last[0] || s[1] != last[1]) {
                last = s;
                lastActor = actorOf(s[0], s[1], outsideActing).actor;
            }
            dropped[k] = lastActor == Actor.OUTSIDE;
            any |= dropped[k];
        }
        return any ? HitFilter.keep(h, dropped, null) : h;
    }

    /** Of several ranges of the block, the one that gives the action to the municipality, else to someone else. */
    private Decision strongest(PageIndex.Block b, List<int[]> ranges) {
        Decision other = null;
        Decision we = null;
        for (int[] r : ranges) {
            Decision d = actorOf(Math.max(r[0], b.from), Math.min(r[1], b.to));
            if (d.actor == Actor.OWN || d.actor == Actor.LOCAL) {
                return d;
            }
            if (d.actor == Actor.WE) {
                we = we == null ? d : we;
            } else if (d.actor != Actor.NONE && other == null) {
                other = d;
            }
        }
        return other != null ? other : we != null ? we : new Decision(Actor.NONE, null, -1);
    }

    /**
     * Whose action the words from..to say it is, by the order of the actors (see signals.yml). Where someone reports
     * ("De burgemeester antwoordt dat de organisator een awarenessteam voorziet"), who is named after the report acts.
     */
    private Decision actorOf(int from, int to) {
        return actorOf(from, to, outside);
    }

    private Decision actorOf(int from, int to, Hits outside) {
        int s = says.first(from, to);
        if (s >= 0) {
            Decision reported = actorNamed(says.end[s], to, outside);
            if (reported.actor != Actor.NONE) {
                return reported;
            }
        }
        return actorNamed(from, to, outside);
    }

    private Decision actorNamed(int from, int to, Hits outside) {
        int k = own.first(from, to);
        if (k >= 0) {
            return new Decision(Actor.OWN, own, k);
        }
        k = joins.first(from, to);
        if (k >= 0) {
            int l = local.first(from, to);
            if (l >= 0) {
                return new Decision(Actor.OWN, local, l);
            }
            int w = we.first(from, to);
            if (w >= 0) {
                return new Decision(Actor.OWN, we, w);
            }
        }
        if (outside.first(from, to) >= 0) {
            return new Decision(Actor.OUTSIDE, outside, outside.first(from, to));
        }
        k = local.first(from, to);
        if (k >= 0) {
            return new Decision(Actor.LOCAL, local, k);
        }
        k = others.first(from, to);
        if (k >= 0) {
            return new Decision(Actor.OTHER, others, k);
        }
        k = we.first(from, to);
        if (k >= 0) {
            return new Decision(Actor.WE, we, k);
        }
        return new Decision(Actor.NONE, null, -1);
    }

    /**
     * The page names the municipality or its services, in a paragraph with the rule's other words, and no one else
     * who could act (no outside body, no association, organiser or school; partners aside): an action in a block
     * that names no one can then only be the municipality's.
     */
    boolean onlyTheMunicipalityNamed(List<Hits> groupHits) {
        prepare();
        if (namedOutsideLinks(outside) || namedOutsideLinks(others)) {
            return false;
        }
        // named with the rule's other words (the theme), not only in the site's header or address
        for (int p = 0; p < index.paragraphs; p++) {
            PageIndex.Block b = index.blocks.get(p);
            if (own.first(b) < 0 && local.first(b) < 0) {
                continue;
            }
            for (int g = 1; g < groupHits.size(); g++) {
                if (groupHits.get(g).first(b) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a hit stands outside the paragraphs that are a link's whole text: the titles of other pages in a
     * 'Lees ook' list or a menu ('Nachtbus De Lijn') name no one acting on this one.
     */
    private boolean namedOutsideLinks(Hits h) {
        if (linkTexts == null && !h.isEmpty()) {
            linkTexts = new HashSet<>();
            for (Link link : links) {
                linkTexts.add(link.text());
            }
        }
        for (int k = 0; k < h.size(); k++) {
            int p = index.paragraphOf(h.start[k]);
            if (p < 0 || !linkTexts.contains(index.blocks.get(p).text)) {
                return true;
            }
        }
        return false;
    }

    /** An actor decision in words: "OUTSIDE 'Sensoa'", "NONE (no one named)". */
    String said(PageIndex.Block b, Decision d) {
        if (d == null || d.hits == null) {
            return "NONE (no one named)";
        }
        return d.actor + " '" + index.text(b, d.hits.start[d.hit], d.hits.end[d.hit]) + "'";
    }

    private void prepare() {
        if (own != null) {
            return;
        }
        // a name inside another's is not named: "Tielt" in "Tielt-Winge", on either town's page (only the few names
        // that hold another are looked for around each hit, not every other name)
        Hits o = capitalsOnly(Hits.of(index, names.ownPhrases(), names.otherHoldingOwn()));
        Hits x = capitalsOnly(Hits.of(index, names.outsidePhrases(), names.ownHoldingOther()));
        Hits l = Hits.of(index, actors.local(), List.of());
        Hits r = Hits.of(index, actors.others(), List.of());
        Hits partners = Hits.of(index, actors.partners(), List.of());
        boolean[][] partner = neighbours.partners(partners, o, x, l, r);
        Hits together = Hits.of(index, actors.together(), List.of());
        // "de stad en Sensoa lanceren": acting together with the municipality, the outside body is a partner
        partner[1] = or(partner[1], neighbours.together(x, together, o, l));
        // "voorrang in Avelgem, Spiere-Helkijn en Zwevegem": the zone's municipalities listed with its own name
        partner[1] = or(partner[1], neighbours.listedWithOwn(x, o, together));
        partner[3] = or(partner[3], neighbours.together(r, together, o, l));
        outside = HitFilter.keep(x, partner[1], null);
        others = HitFilter.keep(r, partner[3], null);
        Hits nameParts = Hits.of(index, actors.nameParts(), List.of());
        // another municipality's name before its own is a double name ("politiezone Lanaken-Maasmechelen")
        Hits outsideWords = Hits.of(index, actors.outside(), List.of());
        // "de campus in Diepenbeek", "inwoners van Vilvoorde": the name as a place says nothing of who acts
        Hits places = Hits.of(index, actors.places(), List.of());
        // the name in a magazine's running title ("Lokeren Leeft - stadsmagazine - mei 2026") names the document
        own = HitFilter.keep(o, or(or(partner[0], listedAfter(neighbours.partOfName(o, outsideWords, others, nameParts,
                places), o, together)), RunningLines.of(index, o)), outside);
        outsideActing = HitFilter.keep(outside, or(notAnotherMunicipality(outside, partnersOnPage(x, partner[1])),
                listedAfter(neighbours.partOfName(outside, places), outside, together)), null);
        local = HitFilter.keep(l, partner[2], outside);
        joins = Hits.of(index, actors.joins(), List.of());
        says = Hits.of(index, actors.says(), List.of());
        we = Hits.of(index, actors.we(), List.of());
    }

    /**
     * Which hits are not another municipality's name that acts instead of this one: a body, a country, a help centre,
     * or a town the page names once as a partner or listed with its own name ("Beersel - Halle - Sint-Pieters-Leeuw",
     * the towns of one police zone), which the zone's plan then names as its own ground elsewhere ("de stationsbuurt
     * van Halle").
     */
    private boolean[] notAnotherMunicipality(Hits h, Set<Phrase> partnersOnPage) {
        boolean[] out = new boolean[h.size()];
        for (int k = 0; k < h.size(); k++) {
            out[k] = !names.others().contains(h.phrase[k]) || partnersOnPage.contains(h.phrase[k]);
        }
        return out;
    }

    /** The phrases of the hits that are partners somewhere on the page. */
    private static Set<Phrase> partnersOnPage(Hits h, boolean[] partner) {
        Set<Phrase> out = new HashSet<>();
        for (int k = 0; k < h.size(); k++) {
            if (partner[k]) {
                out.add(h.phrase[k]);
            }
        }
        return out;
    }

    /** Names that are also Dutch words count only with a capital: "Boom", not "een boom". */
    private Hits capitalsOnly(Hits h) {
        Set<Phrase> needCapital = names.needCapital();
        if (needCapital.isEmpty()) {
            return h;
        }
        boolean[] dropped = new boolean[h.size()];
        for (int k = 0; k < h.size(); k++) {
            dropped[k] = needCapital.contains(h.phrase[k]) && !index.capitalised(h.start[k]);
        }
        return HitFilter.keep(h, dropped, null);
    }
}
