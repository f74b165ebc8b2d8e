package be.lokaalsignaal.scan.rules;

import java.util.List;

/**
 * Who acts: the phrases by which a block of text says whose campaign or measure it is (signals.yml, actors).
 *
 * @param own        the municipality itself: its name ({gemeente}), "onze stad", ...
 * @param local      its services, police zone, mayor and aldermen, "de stad"
 * @param outside    who acts instead of the municipality: Flemish and federal bodies, national organisations,
 *                   other countries, other municipalities ({andere gemeente}); outweighs the local actors
 * @param others     who may act beside the municipality: organisers, associations, schools, clubs; decides
 *                   only where no local actor is named
 * @param nameParts  words after which the municipality's name is part of another name ("Infoblad Torhout")
 * @param places     words after which the municipality's name is a place, not who acts ("de campus in Diepenbeek",
 *                   "inwoners van Vilvoorde")
 * @param partners   phrases after which an actor is a partner or sponsor, not the one who acts ("met de steun van")
 * @param joins      phrases by which a local actor or "we" joins an action ("doet mee", "sluit aan bij")
 * @param together   words that join the municipality and another actor into one ("de stad en Sensoa")
 * @param we         first person plural ("wij", "onze"): the municipality only together with a join phrase
 * @param says       phrases by which someone reports what another does ("De burgemeester antwoordt dat de
 *                   organisator..."): who is named after them acts, not the speaker
 * @param ownName    whether {gemeente} stands in own: the names of the municipality whose site it is
 * @param otherNames whether {andere gemeente} stands in outside: the names of every other municipality
 */
record Actors(List<Phrase> own, List<Phrase> local, List<Phrase> outside, List<Phrase> others,
              List<Phrase> nameParts, List<Phrase> places, List<Phrase> partners, List<Phrase> joins,
              List<Phrase> together, List<Phrase> we, List<Phrase> says, boolean ownName, boolean otherNames) {

    static final Actors NONE = new Actors(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), false, false);

    Actors {
        own = List.copyOf(own);
        local = List.copyOf(local);
        outside = List.copyOf(outside);
        others = List.copyOf(others);
        nameParts = List.copyOf(nameParts);
        places = List.copyOf(places);
        partners = List.copyOf(partners);
        joins = List.copyOf(joins);
        together = List.copyOf(together);
        we = List.copyOf(we);
        says = List.copyOf(says);
    }
}
