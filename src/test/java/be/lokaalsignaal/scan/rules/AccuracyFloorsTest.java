package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.accuracy.AccuracyReport;
import be.lokaalsignaal.scan.accuracy.LabelledCorpus;
import be.lokaalsignaal.topics.SignalKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalogue over the labelled accuracy corpus (src/test/resources/accuracy, see its README.md):
 * precision and recall per kind must stay at their floors, so a rule change that costs accuracy fails here.
 */
class AccuracyFloorsTest {

    private static final Path DEV = Path.of("src/test/resources/accuracy/dev");
    private static final Path HELDOUT = Path.of("src/test/resources/accuracy/heldout");

    /** The floors of issue #9: precision, recall. */
    private static final Map<SignalKind, double[]> FLOORS = Map.of(
            SignalKind.SITE_LINK, new double[] {1.00, 1.00},
            SignalKind.SITE_MENTION, new double[] {1.00, 1.00},
            SignalKind.CAMPAIGN, new double[] {0.95, 0.90},
            SignalKind.SAFETY_PLAN, new double[] {0.95, 0.90},
            SignalKind.NIGHTLIFE, new double[] {0.95, 0.90});

    /**
     * What the held-out part scores, rounded down: a change must not make it worse. With the bundled catalogue on its
     * 12,150 pages (through evaluation 101): campaigns 0.991 / 0.963, safety plans 0.989 / 0.959, nightlife 0.993 /
     * 0.974, links and mentions 1.000 / 1.000. A line goes down only when a blind part, read once, brings its kind
     * below it (new pages set their own figure at their first reading), and up when a take-up lifts the kind over the
     * next line; ACCURACY.md lists each move with its reason ("The held-out lines
     * AccuracyFloorsTest keeps"). Most of these pages have been read at many evaluations and some of their patterns
     * were taken up after being read (ACCURACY.md names them), so these figures guard against losses; only a blind
     * part read once measures a change.
     */
    private static final Map<SignalKind, double[]> HELDOUT_REACHED = Map.of(
            SignalKind.SITE_LINK, new double[] {1.00, 1.00},
            SignalKind.SITE_MENTION, new double[] {1.00, 1.00},
            SignalKind.CAMPAIGN, new double[] {0.98, 0.95},
            SignalKind.SAFETY_PLAN, new double[] {0.98, 0.95},
            SignalKind.NIGHTLIFE, new double[] {0.98, 0.97});

    /**
     * The kinds the held-out part does not hold at the issue's floors, known and said in ACCURACY.md: none since the
     * safety-plan reader (safety plans were below with evaluations 42 to 44's pages: 0.915 with the rules alone on the
     * 1,305 pages), but for mentions with evaluation 69 until the mention search read an address a table's cell
     * wrapped (30090; for that pattern the held-out figure is not blind), and with evaluation 71 until it read one
     * that a narrow column wrapped inside a word (32494). When a kind falls below, it is named here
     * and in ACCURACY.md; when a change lifts it, this test says so and the entry goes.
     */
    private static final Set<SignalKind> KNOWN_BELOW_FLOORS = Set.of();

    private static AccuracyReport run(Path dir) {
        Register register = Register.bundled();
        return AccuracyReport.run(LabelledCorpus.read(dir, register),
                SignalCatalogue.bundled().withPlaces(Places.of(register)));
    }

    private static List<String> below(AccuracyReport report, Map<SignalKind, double[]> floors) {
        List<String> below = new ArrayList<>();
        floors.forEach((kind, f) -> {
            AccuracyReport.Figures got = report.figures(kind);
            if (got.precision() < f[0] || got.recall() < f[1]) {
                below.add(String.format("%s precision %.3f (floor %.2f), recall %.3f (floor %.2f)", kind,
                        got.precision(), f[0], got.recall(), f[1]));
            }
        });
        return below;
    }

    /**
     * The kinds the development part does not hold at the issue's floors, known and said in ACCURACY.md: none since the
     * mention search also joins an address broken inside its name without "www." (33253, 33256: "https://seksueelgewe"
     * / "ld.be"), found from its rest.
     */
    private static final Set<SignalKind> DEV_KNOWN_BELOW_FLOORS = Set.of();

    /**
     * The development part, the opened blind parts with it, at the floors of every kind but those known below (the
     * readers were trained on this part), and those still below: a change that lifts one says so here.
     */
    @Test
    void theDevelopmentPartHasOverOneHundredPagesAndIsAtTheFloors() {
        AccuracyReport report = run(DEV);
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(100);
        Map<SignalKind, double[]> held = new java.util.EnumMap<>(FLOORS);
        held.keySet().removeAll(DEV_KNOWN_BELOW_FLOORS);
        assertThat(below(report, held)).as("kinds below the floors on %s", DEV).isEmpty();
        Map<SignalKind, double[]> known = new java.util.EnumMap<>(FLOORS);
        known.keySet().retainAll(DEV_KNOWN_BELOW_FLOORS);
        assertThat(below(report, known)).as("kinds known to be below the floors on %s that now reach them", DEV)
                .hasSameSizeAs(DEV_KNOWN_BELOW_FLOORS);
    }

    /**
     * The confusions left on the development part, most of them of safety plans. Why each stands is told by page
     * number in the history of this comment (until 15c44e3 it also gave the campaign confusions of the rules, and until
     * the nightlife reader came its nightlife confusions: the readers were trained on this part and know its pages, so
     * the part says nothing of them; {@link BundledReadersTest} measures them on parts they did not see). Six
     * campaigns and three nightlife measures the readers find and may not add, because the page names the theme in no
     * word of the catalogue's list: an action week against "intimidatie" (515), Ask for Angela's posters read as a
     * campaign (1109, 5138), consent slogans ("mijn lijf, mijn grens", "ja is ja", "geen fuif zonder respect": 1427,
     * 1577, 5633); an awareness team at the city's own festival, against harassment in words the list lacks (5188).
     * Read at evaluation 37 and not tuned on (yet): the zone's plan on a page naming its "focusthema's", each in a
     * section of its own (8115), 40 words from its theme in a council's decision list (8113), in a vacancy (8114,
     * where the rules stay out by design), and a neighbour's plan described on a page of a town whose own zone has
     * "andere prioriteiten" (8131). (8106, Tielt-Winge's own name read as Tielt's, was a fault in reading names.)
     * Evaluations 38 and 39's pages, taken up when they joined this part: left are a council's minutes with a question
     * within 120 words of the plan (8353), a vacancy (8385, by design), and a zone's summary that opens with what every
     * zone must do (8440). The draft rejected on the next PDF page (8229) went with evaluation 40's take-up, right for
     * a weak reason: its section names the prosecutor's "arrondissementeel veiligheidsplan", which now rules a block
     * out as the national plan does (a plan that names both in one block is missed the same way); a zone's annual
     * report (4834) went through the victims "doorverwezen naar" the care centre, which is no one acting. Evaluation
     * 40's pages, taken up when they joined: left are Ask for Angela's posters (8529, as 1109) and two vacancies (8464,
     * 8539, by design). Evaluation 41's pages, taken up when they joined: left are a prevention service's report whose
     * plan sentence names other priorities with the theme in the lines before it (8760), a plan's list of priorities
     * broken over two PDF pages (8695), a vacancy (8720, by design), and Ask for Angela on a page titled after the
     * zonal plan, which the page keeps apart from the plan (8783: nightlife on a plan's page is the plan's by
     * convention). Evaluation 42's pages, taken up when they joined: left are a neighbouring zone's plan told on the
     * own municipality's page about its plan (8866: the other zone is named by its town in a sentence the page gives
     * to the municipality), three answers to a councillor's question or interpellation within 120 words of it (8870,
     * 9028, 9037), three vacancies (8883, 9005, 9035, by design), a mayor's column whose plan and theme stand further
     * apart than 40 words (9004), and Ask for Angela in beach bars that the campaign reader scores too low (8980).
     * Evaluation 43's pages, taken up when they joined: left are a vacancy (9081, by design), plans whose theme stands
     * further from the plan or its priorities than the rules reach (9095, 9152, 9194, 9414), a sports club named beside
     * the plan (9419), and a zone's plan on a page titled with the local festivities (9181). Since the safety-plan
     * reader no false plan is left on this part: the reader was trained on it, so that says nothing of the reader (its
     * figures on parts it did not see are {@link BundledReadersTest}'s and ACCURACY.md's); the rules alone then found
     * ten (a neighbouring zone's priority told by its towns, 8866, 9071, 9156, 8131; a survey for a plan still to be
     * chosen, 9078; and five older ones). Evaluations 44 and 45's pages (9451-9995, and 7951-7995, a third writer's of
     * evaluation 45), taken up when they joined: the rules alone find 28 false plans on the part now, 18 of them
     * theirs, and the reader, trained again, none; left missed are plans in long council minutes or decision lists
     * (9461, 9611, and 9912 with a councillor's question within 120 words), a vacancy (9595, by design) and a city's
     * plan with "kind" near it (9959: a child's plan, to the rules). Evaluation 46's pages (9751-9895, 7551-7595,
     * 7701-7745), taken up when they joined: a councillor's question no longer keeps the plan from minutes that take
     * note of the zonal plan as an item of their own, which gave back six older missed plans (2322, 3012, 4187, 8353,
     * 9611, 9912) and all four of theirs; none of their pages is left confused. Evaluation 47's pages (6451-6495,
     * 6851-6895, 7051-7095, 7251-7295, 7451-7495), taken up when they joined: a page titled as a survey or a call for
     * residents' views is no plan, which took eighteen false plans from the rules alone and one true one (4139, a draft
     * integral plan put out for comment); minutes that approve the integral or zonal plan count as taking note of it
     * (6452); an answer that the plan does not hold the theme, or that a neighbouring zone has it and the own zone "deed
     * dat niet", keeps the theme out (7461, 6463). None of their pages is left confused. Evaluation 48's pages
     * (5851-5895, 6051-6095, 6651-6695, 9101-9145, 9251-9295), taken up when they joined: a neighbouring zone named in
     * the theme's sentence, a councillor's question put as "vraag van een raadslid", priorities "nog niet vastgelegd"
     * and "niet als apart thema" keep five more false plans from the rules alone; the reader, trained again, gives
     * back the approved zonal plan it had scored 0.27 (6652). None of their pages is left confused. The fifty pages
     * written for this part on whose plan holds the theme (14851-14875, 15051-15075): the rules found one false plan
     * on them (a working visit to a coastal city whose plan it is, named in the theme's sentence only as "de
     * kuststad", 14855) and the safety-plan reader added one (a round-up of the region's zones' plans, 14859); trained
     * again, it takes away the first and adds neither. Left missed is Ask for Angela in the city's bars on the zonal
     * plan's page (15061): a page titled as the plan gives its nightlife measures to the plan. The fifty pages on
     * the municipality's own awareness actions that do not call themselves a campaign (16451-16475, 16651-16675): the
     * readers before them missed 9 of their 28 campaigns; trained again, none is left confused. The fifty pages on
     * awareness events (20451-20475, 20651-20675): the catalogue before them missed 18 of their 28 campaigns; with the
     * event rule and the readers trained again, three are left missed, each telling its theme only in words the
     * catalogue does not hold as the theme (bodily boundaries, sexting and consent: 20451, 20456, 20659). The
     * twenty-five more on such events (23451-23475), their theme often told only as consent, boundaries or sexting:
     * with the event rule reading those words too, and the readers trained again, four are left missed, their theme
     * in words none of the lists holds (23451, 23456, 23459, 23461). The twenty-five on how a zone chooses its plan's
     * priorities (23251-23275): the rules found two false plans on them (a theme postponed for want of capacity, one
     * left without a goal of its own) and missed two; with the safety-plan reader trained again, none is left confused.
     * The fifty on trainings the municipality offers those who work with young people (26051-26075, 26251-26275):
     * the catalogue before them missed 15 of their 28 campaigns; with the event rule reading training words, the
     * readers trained again, and the campaign reader adding alone only from 0.65 but also where the theme is told
     * as the event rule reads it (boundaries, consent, the Vlaggensysteem), none is left confused. The same catalogue
     * finds the event pages left missed before but 20456. The fifty on whether a plan takes the theme up
     * (27651-27675, 27851-27875): the catalogue before them found four false plans (a draft whose choice "wordt later
     * beslist", a theme "niet opgenomen als speerpunt", a preliminary draft, and the safety-plan reader alone on a
     * merged municipality's plan that left the theme out); with those phrasings and the readers trained again, none
     * is left confused. The ten on addresses a table's narrow column wraps inside a word (33251-33260): the catalogue
     * before them read none of their six mentions; with the break read inside the host too, two were left missed,
     * both without "www." (33253, 33256), until the rest of such an address ("ld.be") was looked for as well. The
     * fifty after evaluation 73 (35651-35675 events a partner leads, 35851-35875 pages in English or French and measures
     * in other plans): with the readers kept from pages not in Dutch and trained again, four are left missed, all of
     * them in another language: an English campaign page whose rules' words are Dutch (35855), and three French pages
     * on nightlife measures (35856, 35858, 35859; the catalogue has no French phrases). The fifty after evaluation 74
     * (36851-36875 a nightlife measure's material, 37051-37075 others' actions told in campaign language): the catalogue
     * before them found ten false campaigns (two posters rules on the measure's toilet posters, eight the campaign
     * reader added alone); with the package's words among a measure's and the readers trained again, none is left.
     * The fifty after evaluation 85 (48451-48475 the municipality's own activities told in plain words, 48651-48675
     * its or its zone's plan named in one line of another page): the catalogue before them missed 10 of their 13
     * campaigns and 4 of their 13 plans; with the theme's everyday words ('aangeraakt wordt terwijl', 'wat is
     * toestemming', 'waar ligt jouw grens') and the readers trained again, one is left missed: a training for youth
     * leaders whose theme is only 'Waar ligt de grens? Aanraken, omkleden en nachtspelletjes' (48468). The fifty
     * after evaluation 87 (49651-49675 nightlife measures in long documents, 49851-49875 plans named in one line of
     * another page, in a table or in everyday words): the catalogue before them missed 9 of their 13 plans and found two
     * false campaigns (a measure's own material in a report and a plan); with the readers trained again, one is left
     * missed: a page on community wardens that tells the city's plan's task only as women who 'niet mogen worden
     * nagesist, achtervolgd of aangeraakt' (49874; the safety-plan reader 0.86, under the 0.90 it adds alone from).
     * The fifty after evaluation 88 (51651-51675 the municipality's campaigns against racism and discrimination that
     * use harassment words, beside its campaigns against sexual harassment that also name racism; 51851-51875 pages in
     * English or French): the catalogue before them found a false campaign and a false measure and missed 4 of their
     * 15 campaigns, 3 of their 4 plans and 3 of their 12 measures; with harassment on other grounds kept out of a
     * campaign's theme ('intimidatie op straat ...: het zijn vormen van racisme', 51652) and the readers trained again,
     * the first twenty-five are read right, and eleven confusions are left on the second, all of them pages in English
     * or French, which the readers do not judge and whose words the catalogue's Dutch phrases do not read: four
     * campaigns (51852, 51860, 51867, 51873), three plans (51858, 51865, 51870) and three measures (51861, 51867,
     * 51869) missed, and Ask for Angela named on an English page to say the town has no such scheme (51874).
     * The hundred after evaluations 90 to 92 (calendars' items, advisory councils' advices, campaigns proposed and
     * decided, nightlife measures in everyday words) are read right with the readers trained again and the nightlife
     * reader adding on harassment and drink covers in everyday words ('als iemand je lastigvalt', 'drankhoesjes', 'iets
     * in je glas'), which also reads two measures listed above right since (1577's 'ja is ja' fuiven, 5188's festival).
     * Of the fifty after evaluation 94 (a plan named in one line of a page about something else; councillors'
     * questions and the answers to them), with the readers trained again, two plans stay missed: a crime table's row
     * marking sexual integrity 'prioriteit ZVP' (57661; no block holds the plan's name with the theme) and the zone's
     * vacancy that names its plan in one line (57671; the plan rules leave vacancies alone).
     * The twenty-five after evaluation 98 (activities on consent and body boundaries in children's and young people's
     * words) are read right with the theme's words for such plays ('ja is ja', 'over hun grens', 'lijf en grenzen'),
     * which also read 1577's and 23451's campaigns right, and the readers trained again. The twenty-five after
     * evaluation 99 (nightlife measures as one item of long documents) are read right with the readers trained again;
     * 20456's campaign is read since the campaign reader also adds where a slogan asks everyone not to 'blijven
     * aandringen'.
     */
    private static final List<String> KNOWN_CONFUSIONS = List.of(
            "false- CAMPAIGN 515-menen-kijkt-niet-weg-omstaanders.html",
            "false- CAMPAIGN 1109-brakel-vraag-naar-angela.html",
            "false- CAMPAIGN 1427-fuifcharter-mijn-lijf-mijn-grens.html",
            "false- CAMPAIGN 5138-vraag-naar-angela-essen.html",
            "false- CAMPAIGN 5633-willebroek-geen-fuif-zonder-respect.html",
            "false- SAFETY_PLAN 1542-e-zine-juni-2025.html",
            "false- SAFETY_PLAN 1781-puurs-sint-amands-notulen-zonaal-veiligheidsplan-klein-brabant.pdf.txt",
            "false- NIGHTLIFE 1427-fuifcharter-mijn-lijf-mijn-grens.html",
            "false- SAFETY_PLAN 2179-poperinge-prioriteiten-politiezone-arro-ieper.html",
            "false- SAFETY_PLAN 2730-jaarverslag-pz-vilvoorde-machelen.pdf.txt",
            "false- SAFETY_PLAN 4139-integraal-veiligheidsplan-inspraak.html",
            "false- SAFETY_PLAN 4545-politiezone-grens-veiligheidsplan.html",
            "false- SAFETY_PLAN 5426-zvp-arro-ieper.pdf.txt",
            "false- SAFETY_PLAN 8113-merelbeke-melle-besluitenlijst-gemeenteraad.pdf.txt",
            "false- SAFETY_PLAN 8114-bilzen-hoeselt-vacature-beleidsmedewerker-integrale-veiligheid.html",
            "false- SAFETY_PLAN 8115-halle-politie-zennevallei-prioriteiten.html",
            "false- SAFETY_PLAN 8385-dilbeek.html",
            "false- SAFETY_PLAN 8440-herentals-zonaal-veiligheidsplan-neteland.pdf.txt",
            "false- CAMPAIGN 8529-tongeren-borgloon-vraag-naar-angela.html",
            "false- SAFETY_PLAN 8464-lievegem-vacature-beleidsmedewerker-integrale-veiligheid.html",
            "false- SAFETY_PLAN 8539-wevelgem-vacature-preventiecoordinator.html",
            "false- SAFETY_PLAN 8695-maasmechelen.pdf.txt",
            "false- SAFETY_PLAN 8720-lier-vacature-beleidsmedewerker-integrale-veiligheid.html",
            "false- NIGHTLIFE 8783-merksplas-nieuw-zonaal-veiligheidsplan-en-kermis.html",
            "false- SAFETY_PLAN 8870-destelbergen-notulen-interpellatie-zvp.pdf.txt",
            "false- SAFETY_PLAN 8883-zemst-vacature-preventiewerker.html",
            "false- CAMPAIGN 8980-knokke-heist-strandbars-angela.html",
            "false- CAMPAIGN 20451-vormingsavond-ouders-sociaal-huis-boom.html",
            "false- CAMPAIGN 20659-theatervoorstelling-scholen-blankenberge.html",
            "false- CAMPAIGN 23456-besluitenlijst-college-mol-theater-scholen.pdf.txt",
            "false- CAMPAIGN 23459-diest-info-bib-workshop-mijn-lijf.pdf.txt",
            "false- CAMPAIGN 23461-praatavond-ouders-tieners-grenzen-lokeren.html",
            "false- SAFETY_PLAN 9004-mechelen-column-burgemeester-veiligheidsplan.html",
            "false- SAFETY_PLAN 9005-sint-niklaas-vacature-beleidsmedewerker-integrale-veiligheid.html",
            "false- SAFETY_PLAN 9028-lievegem-notulen-mondelinge-vraag-straatintimidatie.pdf.txt",
            "false- SAFETY_PLAN 9035-ieper-vacature-preventiewerker-nachtleven.html",
            "false- SAFETY_PLAN 9037-halle-notulen-vraag-vraag-naar-angela.pdf.txt",
            "false- SAFETY_PLAN 9081-londerzeel-vacature-preventiecoordinator.html",
            "false- SAFETY_PLAN 9095-edegem-preventie-veiligheidsplan-minos.html",
            "false- SAFETY_PLAN 9152-leuven-politieraad-goedkeuring-zvp.pdf.txt",
            "false- SAFETY_PLAN 9181-wetteren-politie-uitgaan-en-zvp.html",
            "false- SAFETY_PLAN 9194-kalmthout-infoblad-pz-grens.pdf.txt",
            "false- SAFETY_PLAN 9414-turnhout-notulen-integraal-veiligheidsplan.html",
            "false- SAFETY_PLAN 9419-merelbeke-melle-advies-zvp.html",
            "false- SAFETY_PLAN 9461-sint-truiden-notulen-gemeenteraad-januari.pdf.txt",
            "false- SAFETY_PLAN 9595-vacature-rechercheur-zeden.pdf.txt",
            "false- SAFETY_PLAN 9959-genk-integraal-veiligheidsplan.pdf.txt",
            "false- NIGHTLIFE 15061-zvp-sint-truiden-gingelom-nieuwerkerken.html",
            "false- CAMPAIGN 35855-no-still-means-no-student-campaign.html",
            "false- NIGHTLIFE 35856-sortir-a-knokke-heist.html",
            "false- NIGHTLIFE 35858-soirees-jeunes-equipe-awareness.html",
            "false- NIGHTLIFE 35859-organiser-une-fete-a-fourons.html",
            "false- CAMPAIGN 48468-vormingen-jeugdleiding-voorjaar.html",
            "false- SAFETY_PLAN 49874-gemeenschapswachten-vilvoorde.html",
            "false- CAMPAIGN 51852-street-harassment-ghent.html",
            "false- CAMPAIGN 51860-welcome-new-residents-wezembeek-oppem.html",
            "false- CAMPAIGN 51867-sortir-a-gand-en-securite.html",
            "false- CAMPAIGN 51873-grenzen-respecteren-dilbeek-english.html",
            "false- SAFETY_PLAN 51858-conseil-communal-proces-verbal-rhode.pdf.txt",
            "false- SAFETY_PLAN 51865-securite-plan-zonal-herstappe.html",
            "false- SAFETY_PLAN 51870-zonal-security-plan-vilvoorde-machelen-english.html",
            "false- NIGHTLIFE 51861-organiser-une-fete-fourons.html",
            "false- NIGHTLIFE 51867-sortir-a-gand-en-securite.html",
            "false- NIGHTLIFE 51869-demandez-angela-kortrijk-folder.pdf.txt",
            "false+ NIGHTLIFE 51874-nightlife-rules-hasselt.html",
            "false- SAFETY_PLAN 57661-jaarverslag-politie-aalst-2025.pdf.txt",
            "false- SAFETY_PLAN 57671-vacature-inspecteur-jeugd-gezin.html");

    /**
     * The development part (with four former held-out parts, a fifth and sixth part written blind, and the seventh to
     * thirty-first, held out until evaluations 15 to 29, in it since 2026-12-02 and 2026-12-03) is read with no
     * confusion but the known ones: a rule change that breaks one of its pages fails here, by name, before it can reach the floors
     * above.
     */
    @Test
    void theDevelopmentPartIncludingFourFormerHeldOutPartsHasNoOtherConfusion() {
        AccuracyReport report = run(DEV);
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(6598);
        assertThat(report.confusions()).extracting(c -> (c.falsePositive() ? "false+ " : "false- ") + c.kind() + " "
                + c.page().file().getFileName()).as("confusions on %s", DEV).isSubsetOf(KNOWN_CONFUSIONS);
    }

    @Test
    void theHeldOutPartDoesNotFallBelowWhatItReached() {
        Assumptions.assumeTrue(Files.isDirectory(HELDOUT), HELDOUT + " is not in this tree: no held-out part at present");
        assertThat(below(run(HELDOUT), HELDOUT_REACHED)).as("kinds below their last figures on %s", HELDOUT).isEmpty();
    }

    /**
     * Reached on the twenty-sixth and twenty-seventh parts (evaluation 27), for the first time on a blind part for all
     * kinds at once, and not kept on the next parts: campaign precision 0.896 on the twenty-eighth and twenty-ninth
     * (evaluation 28), 0.844 on the thirtieth and thirty-first (evaluation 29), 0.829 on the thirty-second and
     * thirty-third (evaluation 30), 0.905 on the thirty-fourth and thirty-fifth (evaluation 31), 0.865 on those four
     * together (ACCURACY.md). Reached again on those four parts with the campaign reader (evaluation 32), missed on the
     * 810 pages with the next 270 for nightlife precision (0.945, evaluation 33), and reached with the nightlife reader
     * (evaluation 34), on the 1,035 pages with the 225 read once after it (evaluations 35 and 36), and on the 1,170
     * with the 135 of evaluation 38 (whose safety-plan precision alone was 0.882); not for safety plans on the 1,305
     * with the 135 of evaluation 39 (0.942 / 0.928; those pages alone 0.867 / 0.788); reached again on the 1,035 left
     * when those 270 pages moved to the development part and the rules took them up, and on the 1,215 with the 180 of
     * evaluation 40 (read once with that catalogue: safety plans 0.920 / 0.939, campaigns 1.000 / 0.818; safety plans
     * with the least room, 0.959); reached on the 1,035 left when those 180 moved to the development part, and on the
     * 1,215 with the 180 of evaluation 41 (read once: safety plans 0.871 / 0.844, campaigns 1.000 / 0.933, nightlife
     * 1.000 / 0.923; safety-plan precision with the least room, 0.954); reached on the 1,035 left when those 180 moved
     * to the development part; not for safety plans on the 1,215 with the 180 of evaluation 42 (read once: safety plans
     * 0.792 / 0.826, campaigns 0.969 / 0.861, nightlife 1.000 / 0.919; the part 0.927 / 0.932); reached on the 1,035
     * left when those 180 moved to the development part, not for safety plans on the 1,305 with the 270 of evaluation
     * 43 (read once: safety plans 0.831 / 0.885, campaigns 1.000 / 0.944, nightlife 0.934 / 0.950; the part 0.938 /
     * 0.942); reached on the 1,035 left when those 270 moved to the development part, not for safety plans on the 1,305
     * with the 270 of evaluation 44 (read once: safety plans 0.696 / 0.914, campaigns 0.963 / 1.000, nightlife 0.943 /
     * 0.980; the part 0.915 / 0.956); reached on those 1,305 with the safety-plan reader (safety plans 0.977 / 0.939;
     * evaluation 44's pages, read a second time so, 0.879 / 0.829), and on the 1,395 with the 90 of evaluation 45 (read
     * once with that reader: safety plans 0.833 / 0.833 on 12 plans, the other kinds 1.000 / 1.000; the part 0.968 /
     * 0.933); reached on the 1,260 with the 225 of evaluation 46 (read once: safety plans 0.913 / 0.840 on 25 plans,
     * nightlife 0.964 / 1.000, the other kinds 1.000 / 1.000; the part 0.988 / 0.942), and on the 1,035 left when those
     * 225 moved to the development part, and on the 1,215 with the 180 of evaluation 47 (read once: safety plans 0.920
     * / 0.958 on 24 plans, campaigns 0.962 / 1.000, nightlife 0.952 / 0.952, links and mentions 1.000), and on the
     * 1,260 with evaluation 47's late fifth part (read once: every kind 1.000 / 1.000), and on the 1,035 left when
     * those 225 moved to the development part; not for safety-plan precision (0.977) on the 1,260 with the 225 of
     * evaluation 48 (read once: safety plans 0.879 / 0.967 on 30 plans, nightlife 0.963 / 1.000, campaigns, links and
     * mentions 1.000), which set the safety plans' line to 0.97 there; reached again on the 1,035 left when those 225
     * moved to the development part, but for campaign recall (0.939: the campaign reader trained again on them gave
     * three campaigns scores of 0.49-0.50 against its threshold of 0.50), whose line went to 0.93; reached on the 1,125
     * with evaluation 48's late sixth part and evaluation 49's first (each read once: every kind 1.000 / 1.000), and on
     * the 1,260 with evaluation 49's other three parts (read once: campaigns 1.000 / 0.833 in one, every other figure
     * 1.000 / 1.000), and on the 1,530 with evaluation 50's six (read once: safety plans 1.000 / 0.944 on 36 plans,
     * campaigns 1.000 / 0.975, nightlife 0.939 / 0.969), and on the 1,890 with evaluation 51's eight (read once: safety
     * plans 1.000 / 0.938 on 48 plans, campaigns 0.982 / 1.000, nightlife 1.000 / 0.977), and on the 2,205 with
     * evaluation 52's seven (read once: safety plans 0.950 / 0.905 on 42 plans, campaigns 1.000 / 0.917, nightlife
     * 1.000 / 1.000; safety-plan recall 0.950 at its line), not for safety-plan recall (0.946) on the 2,430 with
     * evaluation 53's five (read once: safety plans 0.900 / 0.900 on 30 plans, campaigns 0.968 / 0.968, nightlife 0.971
     * / 0.971), which set its line to 0.94; reached on the 2,700 with evaluation 54's six (read once: safety plans
     * 1.000 / 0.917 on 36 plans, campaigns 1.000 / 0.892, nightlife 0.972 / 1.000, mentions 1.000 / 0.950 before the
     * broken address was read), and on the 2,970 with evaluation 55's six (read once: safety plans 0.971 / 0.917 on
     * 36 plans, campaigns 1.000 / 0.925, nightlife 1.000 / 0.973, links and mentions 1.000; safety-plan recall 0.941
     * on the 2,970, by 0.001 above its line); reached on the 2,970 with the safety-plan reader adding from 0.90
     * (safety plans 0.980 / 0.980), and on the 3,240 with evaluation 56's six (read once with it: safety plans 0.946 /
     * 0.972 on 36 plans, campaigns 1.000 / 0.923, nightlife, links and mentions 1.000), which set the safety plans'
     * lines to 0.97 / 0.97; reached on the 3,510 with evaluation 57's six (read once: safety plans 0.946 / 0.972 on
     * 36 plans, campaigns 1.000 / 0.973, nightlife, links and mentions 1.000), and on the 3,780 with evaluation 58's
     * six (read once with the readers trained again: safety plans 0.971 / 0.944 on 36 plans, campaigns 1.000 / 0.861,
     * nightlife 0.973 / 0.973, links and mentions 1.000), and on the 4,050 with evaluation 59's six (read once with
     * the readers trained on 6,698 pages: safety plans 1.000 / 0.946 on 37 plans, campaigns 1.000 / 0.921, nightlife
     * 0.973 / 0.973, mentions 1.000, links 1.000 / 0.971 before a redirect target without a scheme was read), and on
     * the 4,320 with evaluation 60's six (read once: safety plans 1.000 / 0.972 on 36 plans, campaigns 0.973 / 0.837,
     * nightlife, links and mentions 1.000; with the campaign reader confirming from 0.30, chosen after on the
     * development part, campaigns 0.974 / 0.884), and on the 4,590 with evaluation 61's six (read once with it:
     * campaigns 0.976 / 0.976, safety plans 0.973 / 0.973 on 37 plans, nightlife, links and mentions 1.000). The
     * held-out part has been read many
     * times for its figures, so this floor
     * guards it; the parts read once say how the catalogue holds on pages no one has read (ACCURACY.md): evaluation
     * 50's 270 were below it for nightlife precision, evaluation 52's 315 for safety plans and campaign recall,
     * evaluation 53's 225 for every kind but links and mentions, evaluation 54's 270 for campaign recall;
     * evaluation 55's 270 were not below it, evaluation 56's and 57's 270 each for safety-plan precision, evaluation
     * 58's 270 for campaign recall and nightlife precision, evaluation 59's 270 for nightlife precision and links,
     * evaluation 60's 270 for campaign recall; evaluation 61's 270 were not below it.
     */
    @Test
    void theHeldOutPartIsAtTheFloorsOfTheIssueButForTheKindsKnownBelowThem() {
        Assumptions.assumeTrue(Files.isDirectory(HELDOUT), HELDOUT + " is not in this tree: no held-out part at present");
        AccuracyReport report = run(HELDOUT);
        Map<SignalKind, double[]> held = new java.util.EnumMap<>(FLOORS);
        held.keySet().removeAll(KNOWN_BELOW_FLOORS);
        assertThat(below(report, held)).as("kinds below the floors on %s", HELDOUT).isEmpty();
        Map<SignalKind, double[]> known = new java.util.EnumMap<>(FLOORS);
        known.keySet().retainAll(KNOWN_BELOW_FLOORS);
        assertThat(below(report, known)).as("kinds known to be below the floors on %s that now reach them", HELDOUT)
                .hasSameSizeAs(KNOWN_BELOW_FLOORS);
    }
}
