package be.lokaalsignaal.scan.rules;

import java.util.List;

/**
 * Alternative phrases of a rule, one of which must occur. A hit that lies inside a hit of one of
 * {@code notIn} does not count: "veiligheidsplan" inside "Nationaal Veiligheidsplan" names another plan.
 *
 * @param name what the group stands for (campagne, thema, ...), shown with the evidence
 */
public record Group(String name, List<Phrase> any, List<Phrase> notIn) {

    public Group {
        any = List.copyOf(any);
        notIn = List.copyOf(notIn);
    }
}
