package be.lokaalsignaal.scan.rules;

import java.util.List;

/**
 * Alternative phrases of a rule, one of which must occur. A hit that lies inside a hit of one of
 * {@code notIn} does not count: "veiligheidsplan" inside "Nationaal Veiligheidsplan" names another plan. A hit in a
 * sentence that holds one of {@code notInSentence} does not count either: "seksueel geweld" in "Ben je slachtoffer
 * van seksueel geweld?" is a help box's, not a theme of the plan on the same page.
 *
 * @param name what the group stands for (campagne, thema, ...), shown with the evidence
 * @param onPage the phrase may stand anywhere in the page's text instead of in the block of the other groups: a page
 *     that names the theme in its lead and tells of the posters in the cafés in a later section
 */
public record Group(String name, List<Phrase> any, List<Phrase> notIn, List<Phrase> notInSentence, boolean onPage) {

    public Group {
        any = List.copyOf(any);
        notIn = List.copyOf(notIn);
        notInSentence = List.copyOf(notInSentence);
    }

    public Group(String name, List<Phrase> any, List<Phrase> notIn) {
        this(name, any, notIn, List.of(), false);
    }
}
