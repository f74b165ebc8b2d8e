package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lokaalsignaal.register.Register;
import org.junit.jupiter.api.Test;

/** The catalogue's constructs for actors, lists and word forms: a mistake names the file and the field. */
class CatalogueConstructsLoadingTest {

    private static SignalCatalogue parse(String yaml) {
        return SignalCatalogue.parse(yaml, "signals.yml");
    }

    @Test
    void anUnknownListIsNamedWithTheListsThereAre() {
        assertThatThrownBy(() -> parse("""
                lists:
                  thema: [seksueel geweld]
                rules:
                  - {id: a, kind: CAMPAIGN, allOf: [[campagne], ["@tema"]]}
                """)).isInstanceOf(CatalogueException.class)
                .hasMessage("signals.yml: rules[0].allOf[1][0]: unknown list '@tema'; lists are [thema]");
    }

    @Test
    void aListIncludesTheListsAboveItWithTheirPhrases() {
        SignalCatalogue catalogue = parse("""
                lists:
                  verkiezingen: [verkiezingscampagne, kieslijst]
                  geen-eigen-actie: ["@verkiezingen", organiseert geen]
                rules:
                  - {id: r, kind: CAMPAIGN, allOf: [[campagne], [seksueel geweld]], exclude: ["@geen-eigen-actie"]}
                """);
        assertThat(catalogue.analyse(CatalogueTestPages.html(
                "<p>De stad start een campagne tegen seksueel geweld.</p>"))).extracting(m -> m.getKind()).containsExactly("CAMPAIGN");
        assertThat(catalogue.analyse(CatalogueTestPages.html(
                "<p>Op de kieslijst: een campagne tegen seksueel geweld beloven we.</p>"))).isEmpty();
        assertThat(catalogue.analyse(CatalogueTestPages.html(
                "<p>De stad organiseert geen campagne tegen seksueel geweld.</p>"))).isEmpty();
    }

    @Test
    void aListCannotIncludeItselfOrAListBelowIt() {
        assertThatThrownBy(() -> parse("lists:\n  a: ['@b']\n  b: [x]\nrules:\n  - {id: r, kind: CAMPAIGN, allOf: [[x]]}\n"))
                .hasMessage("signals.yml: lists.a[0]: list '@b' is this list or comes after it: a list may include only "
                        + "the lists above it");
        assertThatThrownBy(() -> parse("lists:\n  a: [x, '@a']\nrules:\n  - {id: r, kind: CAMPAIGN, allOf: [[x]]}\n"))
                .hasMessageStartingWith("signals.yml: lists.a[1]: list '@a' is this list or comes after it");
    }

    @Test
    void anActorRuleNeedsActors() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, actor: municipality, allOf: [[x]]}\n"))
                .hasMessage("signals.yml: rules[0].actor: the catalogue has no actors (own, local) to tell the "
                        + "municipality by");
    }

    @Test
    void anUnknownActorConditionIsNamed() {
        assertThatThrownBy(() -> parse("actors: {local: [de stad]}\n"
                + "rules:\n  - {id: r, kind: CAMPAIGN, actor: stad, allOf: [[x]]}\n"))
                .hasMessageStartingWith("signals.yml: rules[0].actor: unknown actor 'stad'");
    }

    @Test
    void aPlaceholderWhereItMeansNothingIsNamed() {
        assertThatThrownBy(() -> parse("actors: {local: ['{gemeente}']}\nrules:\n  - {id: r, kind: CAMPAIGN, allOf: [[x]]}\n"))
                .hasMessageStartingWith("signals.yml: actors.local[0]: unknown placeholder in '{gemeente}'");
    }

    @Test
    void withinNamesTwoGroupsOfTheRule() {
        assertThatThrownBy(() -> parse("rules:\n  - id: r\n    kind: NIGHTLIFE\n    within: {words: 5, of: [a, c]}\n"
                + "    allOf: [{name: a, any: [x]}, {name: b, any: [y]}]\n"))
                .hasMessage("signals.yml: rules[0].within.of[1]: no group named 'c' in allOf; groups are [a, b]");
    }

    @Test
    void aWordFormIsOneWord() {
        assertThatThrownBy(() -> parse("wordForms: {seksuele: seksueel geweld}\nrules:\n  - {id: r, kind: CAMPAIGN, allOf: [[x]]}\n"))
                .hasMessage("signals.yml: wordForms.seksuele: 'seksueel geweld' is not one word");
    }

    @Test
    void aMarkedWordIsOneWord() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, allOf: [['*safe-party']]}\n"))
                .hasMessageStartingWith("signals.yml: rules[0].allOf[0][0]: '*safe-party' is read as 2 words");
    }

    @Test
    void aGroupMappingNeedsItsPhrases() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, allOf: [{name: campagne}]}\n"))
                .hasMessage("signals.yml: rules[0].allOf[0].any: missing: give the alternative phrases");
    }

    @Test
    void notInTakesAHitThatLiesInsideAnotherPhraseAway() {
        SignalCatalogue c = parse("rules:\n  - id: r\n    kind: SAFETY_PLAN\n"
                + "    allOf: [{name: plan, any: ['*veiligheidsplan'], notIn: [nationaal veiligheidsplan]}, [zedenfeiten]]\n");
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het zonaal veiligheidsplan noemt zedenfeiten.</p>"))).hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het Nationaal Veiligheidsplan noemt zedenfeiten.</p>"))).isEmpty();
    }

    @Test
    void theBundledCatalogueLoadsWithItsActorsAndEveryRuleHasAnId() {
        SignalCatalogue c = SignalCatalogue.bundled();
        assertThat(c.rules()).extracting(PhraseRule::id).doesNotHaveDuplicates()
                .contains("campaign-local", "safety-plan-theme", "nightlife-measures");
    }

    @Test
    void anOtherKindEntryWithItsOwnDistanceReachesOnlyThatFar() {
        SignalCatalogue c = parse("rules:\n  - id: r\n    kind: SAFETY_PLAN\n    allOf: [[veiligheidsplan], [zedenfeiten]]\n"
                + "    otherKind: [jongere, {words: 2, any: [festival]}]\n");
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan van het festival noemt zedenfeiten.</p>")))
                .isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan noemt zedenfeiten, ook op het festival."
                + "</p>"))).hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan noemt zedenfeiten bij een jongere.</p>")))
                .isEmpty();
    }

    @Test
    void anOtherKindEntryDoesNotCountOnAPageThatHoldsOneOfItsUnlessOnPagePhrases() {
        SignalCatalogue c = parse("rules:\n  - id: r\n    kind: SAFETY_PLAN\n    allOf: [[veiligheidsplan], [zedenfeiten]]\n"
                + "    otherKind: [{words: 20, any: [raadslid vraagt], unlessOnPage: [neemt kennis van]}]\n");
        String question = "<p>Het veiligheidsplan noemt zedenfeiten. Een raadslid vraagt hoe dat gemeten wordt.</p>";
        assertThat(c.analyse(CatalogueTestPages.html(question))).isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html(question + "<p>De raad neemt kennis van het plan.</p>")))
                .hasSize(1);
    }

    @Test
    void anUnknownKeyInAnOtherKindEntryIsNamedWithTheKeysItMayHave() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, allOf: [[x]], "
                + "otherKind: [{words: 3, any: [z], unless: [y]}]}\n"))
                .hasMessage("signals.yml: rules[0].otherKind[0].unless: unknown field; expected one of "
                        + "[any, unlessOnPage, words]");
    }

    @Test
    void anOtherKindEntryNeedsItsDistance() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, allOf: [[x]], otherKind: [y, {any: [z]}]}\n"))
                .hasMessage("signals.yml: rules[0].otherKind[1].words: expected a number of words (0 or more)");
    }

    @Test
    void notNearTakesAHitAwayOnlyWithinItsWords() {
        SignalCatalogue c = parse("rules:\n  - id: r\n    kind: SAFETY_PLAN\n    allOf: [[veiligheidsplan], "
                + "{name: thema, any: [seksueel geweld], notNear: {words: 3, any: [mensenhandel]}}]\n");
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan noemt mensenhandel en seksueel geweld.</p>")))
                .isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan noemt seksueel geweld. Mensenhandel volgt "
                + "de federale politie op, samen met het parket.</p>"))).isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan noemt seksueel geweld als prioriteit van de "
                + "zone. Mensenhandel volgt de federale politie op.</p>"))).hasSize(1);
    }

    @Test
    void notInFiguresTakesAwayAHitThatHeadsARowOfFigures() {
        SignalCatalogue c = parse("rules:\n  - id: r\n    kind: SAFETY_PLAN\n    allOf: [[veiligheidsplan], "
                + "{name: thema, any: [zedenfeiten, verkrachting], notInFigures: true}]\n");
        assertThat(c.analyse(CatalogueTestPages.html("<p>Cijfers bij het veiligheidsplan: Zedenfeiten   29   33</p>"))).isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Cijfers bij het veiligheidsplan: Zedenfeiten (aanranding, "
                + "verkrachting) 38 41 35</p>"))).as("a word in the row's explanation in brackets").isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Cijfers bij het veiligheidsplan: Zedenfeiten 12,5% +3</p>"))).isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan maakt van zedenfeiten een prioriteit.</p>")))
                .hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan kiest zedenfeiten 2026 als prioriteit.</p>")))
                .as("a year alone is not a row").hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan: Zedenfeiten 29 33; verkrachting als "
                + "prioriteit.</p>"))).as("another hit of the group still counts").hasSize(1);
    }

    @Test
    void notInQuestionTakesAwayAHitWhoseSentenceEndsInAQuestionMark() {
        SignalCatalogue c = parse("rules:\n  - id: r\n    kind: SAFETY_PLAN\n    allOf: [[veiligheidsplan], "
                + "{name: thema, any: [seksueel geweld], notInQuestion: true}]\n");
        assertThat(c.analyse(CatalogueTestPages.html("<h2>Staat seksueel geweld in ons veiligheidsplan?</h2>"))).isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Over het veiligheidsplan. Slachtoffer van seksueel geweld? "
                + "Bel 1712.</p>"))).as("the question of a help box beside the plan").isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Staat seksueel geweld in het veiligheidsplan? Ja, seksueel "
                + "geweld is een van de vijf prioriteiten.</p>"))).as("the answer names the theme again").hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan maakt van seksueel geweld een prioriteit. "
                + "Wat doet de zone nog?</p>"))).as("a question after the sentence's own full stop").hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<h3>Het veiligheidsplan: seksueel geweld</h3><p>Wat doet de zone?</p>")))
                .as("a heading that ends without a mark ends no question").hasSize(1);
    }

    @Test
    void notNearSentencesTakesAwayAHitThatASentenceBeforeOrAfterItKeepsOutOfThePlan() {
        SignalCatalogue c = parse("rules:\n  - id: r\n    kind: SAFETY_PLAN\n    allOf: [[veiligheidsplan], "
                + "{name: thema, any: [seksueel geweld], notNearSentences: {sentences: 1, any: [niet weerhouden]}}]\n");
        assertThat(c.analyse(CatalogueTestPages.html("<p>Voor het veiligheidsplan stond ook seksueel geweld op de lijst. "
                + "Dat thema werd niet weerhouden.</p>"))).as("kept out in the next sentence").isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Enkele fenomenen werden niet weerhouden. Het gaat om "
                + "fietsdiefstal en seksueel geweld. Zie het veiligheidsplan.</p>"))).as("in the sentence before").isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Fietsdiefstal werd niet weerhouden. Het veiligheidsplan telt "
                + "vier prioriteiten. Een ervan is seksueel geweld.</p>"))).as("two sentences away").hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Fietsdiefstal werd niet weerhouden.</p><p>Het veiligheidsplan "
                + "maakt van seksueel geweld een prioriteit.</p>"))).as("in another paragraph").hasSize(1);
    }

    @Test
    void notNearSentencesNeedsItsNumberOfSentences() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, allOf: [{name: a, any: [x], "
                + "notNearSentences: {sentences: -1, any: [y]}}]}\n"))
                .hasMessage("signals.yml: rules[0].allOf[0].notNearSentences.sentences: expected a number of sentences "
                        + "(0 or more)");
    }

    @Test
    void notInOutsideSentenceTakesAwayAHitWhoseSentenceGivesTheActionToAnotherMunicipality() {
        SignalCatalogue c = parse("""
                actors: {own: ['{gemeente}', onze zone], outside: ['{andere gemeente}', minister], places: [in]}
                rules:
                  - id: r
                    kind: SAFETY_PLAN
                    allOf: [[veiligheidsplan], {name: thema, any: [seksueel geweld], notInOutsideSentence: true}]
                """).withPlaces(Places.of(Register.bundled()));
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan telt drie prioriteiten. Stad Lier kiest "
                + "voor seksueel geweld.</p>"), MunicipalPages.MECHELEN)).isEmpty();
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan van onze zone kiest net als Lier voor "
                + "seksueel geweld.</p>"), MunicipalPages.MECHELEN)).as("the own name decides first").hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Lier heeft een plan. Het veiligheidsplan kiest voor seksueel "
                + "geweld.</p>"), MunicipalPages.MECHELEN)).as("another municipality in another sentence").hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan kiest voor seksueel geweld, met een "
                + "opvang in Lier.</p>"), MunicipalPages.MECHELEN)).as("a town as a place").hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan kiest op vraag van de minister voor "
                + "seksueel geweld.</p>"), MunicipalPages.MECHELEN)).as("an outside body is no other plan").hasSize(1);
    }

    @Test
    void notInQuestionIsTrueOrFalse() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, allOf: [{name: a, any: [x], notInQuestion: 1}]}\n"))
                .hasMessage("signals.yml: rules[0].allOf[0].notInQuestion: expected true or false, found '1'");
    }

    @Test
    void aGroupUnderGroupsIsSharedByTheRulesThatNameIt() {
        SignalCatalogue c = parse("""
                groups:
                  thema: {name: thema, any: [seksueel geweld], notInQuestion: true}
                rules:
                  - {id: plan, kind: SAFETY_PLAN, within: {words: 10, of: [plan, thema]},
                     allOf: [{name: plan, any: [veiligheidsplan]}, "@thema"]}
                  - {id: campagne, kind: CAMPAIGN, allOf: [[campagne], "@thema"]}
                """);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Het veiligheidsplan noemt seksueel geweld. De campagne ook.</p>")))
                .extracting(m -> m.getRule()).containsExactlyInAnyOrder("plan", "campagne");
        assertThat(c.analyse(CatalogueTestPages.html("<p>Een veiligheidsplan of een campagne tegen seksueel geweld?</p>")))
                .as("the group's own conditions hold in every rule").isEmpty();
    }

    @Test
    void anUnknownGroupIsNamedWithTheGroupsThereAre() {
        assertThatThrownBy(() -> parse("groups:\n  thema: [seksueel geweld]\nrules:\n"
                + "  - {id: r, kind: CAMPAIGN, allOf: [[campagne], '@tema']}\n"))
                .hasMessage("signals.yml: rules[0].allOf[1]: unknown group '@tema'; groups are [thema]");
    }

    @Test
    void notInFiguresIsTrueOrFalse() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, allOf: [{name: a, any: [x], notInFigures: ja}]}\n"))
                .hasMessage("signals.yml: rules[0].allOf[0].notInFigures: expected true or false, found 'ja'");
    }

    @Test
    void notNearNeedsItsDistance() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r, kind: CAMPAIGN, allOf: [{name: a, any: [x], notNear: {any: [y]}}]}\n"))
                .hasMessage("signals.yml: rules[0].allOf[0].notNear.words: expected a number of words (0 or more)");
    }

    @Test
    void withinInOneParagraphIsTrueOrFalse() {
        assertThatThrownBy(() -> parse("rules:\n  - id: r\n    kind: CAMPAIGN\n    within: {words: 5, of: [a, b], "
                + "paragraph: ja}\n    allOf: [{name: a, any: [x]}, {name: b, any: [y]}]\n"))
                .hasMessage("signals.yml: rules[0].within.paragraph: expected true or false");
        SignalCatalogue c = parse("rules:\n  - id: r\n    kind: CAMPAIGN\n    within: {words: 5, of: [a, b], "
                + "paragraph: true}\n    allOf: [{name: a, any: [app]}, {name: b, any: [straatintimidatie]}]\n");
        assertThat(c.analyse(CatalogueTestPages.html("<p>Een app tegen straatintimidatie.</p>"))).hasSize(1);
        assertThat(c.analyse(CatalogueTestPages.html("<p>Iets tegen straatintimidatie.</p><p>Een app.</p>"))).isEmpty();
    }

    @Test
    void aGroupOnThePageIsReadAnywhereButNeverAsTheAnchorNorNearAnother() {
        assertThatThrownBy(() -> parse("rules:\n  - id: r\n    kind: CAMPAIGN\n"
                + "    allOf: [{name: a, any: [x], onPage: true}, {name: b, any: [y]}]\n"))
                .hasMessage("signals.yml: rules[0].allOf[0].onPage: the first group names the action and its block; "
                        + "it cannot be onPage");
        assertThatThrownBy(() -> parse("rules:\n  - id: r\n    kind: CAMPAIGN\n    within: {words: 5, of: [a, b]}\n"
                + "    allOf: [{name: a, any: [x]}, {name: b, any: [y], onPage: true}]\n"))
                .hasMessage("signals.yml: rules[0].within: group 'b' is onPage: it has no block to be near in");
        assertThatThrownBy(() -> parse("rules:\n  - id: r\n    kind: CAMPAIGN\n"
                + "    allOf: [{name: a, any: [x]}, {name: b, any: [y], onPage: ja}]\n"))
                .hasMessage("signals.yml: rules[0].allOf[1].onPage: expected true or false, found 'ja'");
        String twoSections = "<h2>Straatintimidatie</h2><p>Het overkomt te veel mensen.</p>"
                + "<h2>Wat we doen</h2><p>Een campagne aan de haltes.</p>";
        SignalCatalogue onPage = parse("rules:\n  - id: r\n    kind: CAMPAIGN\n"
                + "    allOf: [{name: a, any: [campagne]}, {name: b, any: [straatintimidatie], onPage: true}]\n");
        assertThat(onPage.analyse(CatalogueTestPages.html(twoSections))).singleElement()
                .satisfies(m -> assertThat(m.getSnippet()).isEqualTo("Een campagne aan de haltes."));
        SignalCatalogue inBlock = parse("rules:\n  - id: r\n    kind: CAMPAIGN\n"
                + "    allOf: [{name: a, any: [campagne]}, {name: b, any: [straatintimidatie]}]\n");
        assertThat(inBlock.analyse(CatalogueTestPages.html(twoSections))).isEmpty();
    }

    @Test
    void aHostIsOneOfTheOthersThatTheRulesMeasureIsTakenAtNotBy() {
        String actors = "actors: {local: [jeugddienst], others: [jeugdhuis]}\n";
        assertThatThrownBy(() -> parse(actors + "rules:\n  - {id: r, kind: NIGHTLIFE, allOf: [[vorming]], "
                + "hosts: [jeugdhuis]}\n"))
                .hasMessage("signals.yml: rules[0].hosts: only a rule with an actor asks who acts; give the rule an "
                        + "actor first");
        assertThatThrownBy(() -> parse(actors + "rules:\n  - {id: r, kind: NIGHTLIFE, actor: not-elsewhere, "
                + "allOf: [[vorming]], hosts: [jeugdhuizen]}\n"))
                .hasMessage("signals.yml: rules[0].hosts[0]: 'jeugdhuizen' is not one of actors.others (written as "
                        + "there)");
        String page = "<p>De barvrijwilligers van het jeugdhuis volgden een vorming.</p>";
        SignalCatalogue someoneElse = parse(actors + "rules:\n  - {id: r, kind: NIGHTLIFE, actor: not-elsewhere, "
                + "allOf: [[vorming]]}\n");
        assertThat(someoneElse.analyse(CatalogueTestPages.html(page))).isEmpty();
        SignalCatalogue hosted = parse(actors + "rules:\n  - {id: r, kind: NIGHTLIFE, actor: not-elsewhere, "
                + "allOf: [[vorming]], hosts: [jeugdhuis]}\n");
        assertThat(hosted.analyse(CatalogueTestPages.html(page))).singleElement()
                .satisfies(m -> assertThat(m.getRule().toString()).isEqualTo("r"));
    }
}
