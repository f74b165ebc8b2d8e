package be.lokaalsignaal.scan.rules;

import java.util.List;

/**
 * Alternative phrases of a rule, one of which must occur. A hit that lies inside a hit of one of
 * {@code notIn} does not count: "veiligheidsplan" inside "Nationaal Veiligheidsplan" names another plan. A hit in a
 * sentence that holds one of {@code notInSentence} does not count either: "seksueel geweld" in "Ben je slachtoffer
 * van seksueel geweld?" is a help box's, not a theme of the plan on the same page. Nor does a hit with a phrase of
 * {@code notNear} a few words from it: "seksueel geweld" right after "mensenhandel, intrafamiliaal geweld en" is the
 * national plan's list of phenomena, where a table row a line further down is a zone's own choice.
 *
 * @param name what the group stands for (campagne, thema, ...), shown with the evidence
 * @param onPage the phrase may stand anywhere in the page's text instead of in the block of the other groups: a page
 *     that names the theme in its lead and tells of the posters in the cafés in a later section
 * @param notNear phrases that make a hit not count when they stand at most so many words before or after it; null for
 *     none
 * @param notInFigures a hit that heads a row of figures does not count: "Zedenfeiten (aanranding, verkrachting) 38 41
 *     35" in a table of crime figures is a count of offences, not what a plan takes up
 * @param notInQuestion a hit in a sentence that ends in a question mark does not count: "Slachtoffer van seksueel
 *     geweld?" heads a help box, "Staat seksueel geweld in ons veiligheidsplan?" asks what the page may answer either
 *     way
 * @param notNearSentences phrases that make a hit not count when they stand in its sentence or at most so many
 *     sentences before or after it, in its paragraph or section: "Ook seksueel geweld stond op de lijst van
 *     kandidaat-thema's. Die thema's werden niet weerhouden." keeps the theme out of the plan a sentence later; null
 *     for none
 * @param notInOutsideSentence a hit in a sentence that gives the action to another municipality by its name does not
 *     count: "De politiezone Limburg Regio Hoofdstad (Hasselt, Zonhoven, Diepenbeek) maakt van seksueel geweld een
 *     prioriteit" on the page of Wellen is the neighbouring zone's theme, beside a sentence on its own zone's plan.
 *     A town named as a place ("in Gent") or that the page names as a partner or with its own name (the towns of one
 *     zone) does not take it away; nor does an outside body ("op vraag van de minister"): the plan can follow it.
 */
public record Group(String name, List<Phrase> any, List<Phrase> notIn, List<Phrase> notInSentence, boolean onPage,
                    NotNear notNear, boolean notInFigures, boolean notInQuestion, NotNearSentences notNearSentences,
                    boolean notInOutsideSentence) {

    /** Phrases at most {@code words} words from a hit that make it not count. */
    public record NotNear(int words, List<Phrase> any) {
        public NotNear {
            any = List.copyOf(any);
        }
    }

    /** Phrases in a hit's sentence or at most {@code sentences} sentences from it that make it not count. */
    public record NotNearSentences(int sentences, List<Phrase> any) {
        public NotNearSentences {
            any = List.copyOf(any);
        }
    }

    public Group {
        any = List.copyOf(any);
        notIn = List.copyOf(notIn);
        notInSentence = List.copyOf(notInSentence);
    }

    public Group(String name, List<Phrase> any, List<Phrase> notIn) {
        this(name, any, notIn, List.of(), false, null, false, false, null, false);
    }
}
