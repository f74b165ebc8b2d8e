package be.lokaalsignaal.scan.reader;

import static org.assertj.core.api.Assertions.assertThat;

import be.lokaalsignaal.scan.extract.PageContent;
import be.lokaalsignaal.topics.SignalKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageLanguageTest {

    private static final ReaderModel READER = new ReaderModel(SignalKind.NIGHTLIFE, 0.5, -2.0,
            Map.of("angela", 1.0, "barpersoneel", 3.0), List.of());

    private static ReaderModel.Reading read(String... paragraphs) {
        PageContent page = PageContent.of("https://www.stad.be/p", "Uitgaan", List.of(paragraphs), List.of());
        return READER.read(page, Set.of("Stad"));
    }

    @Test
    void aPageForInternationalStudentsInEnglishIsLeftToTheRules() {
        ReaderModel.Reading reading = read("Home Nieuws Contact",
                ("The city and the bars of the Oude Markt work together. Bar staff are trained to help you, and if you "
                        + "feel unsafe you can ask for Angela at the bar. This charter is for all students from abroad. ")
                        .repeat(3));

        assertThat(reading.foreign()).isTrue();
        assertThat(reading.judges()).isFalse();
    }

    @Test
    void aFrenchPageIsLeftToTheRulesToo() {
        ReaderModel.Reading reading = read(("La commune organise une soirée pour les jeunes avec une équipe qui est là "
                + "pour vous aider. Demandez Angela au bar: le personnel est formé et vous aide avec discrétion. ")
                .repeat(3));

        assertThat(reading.foreign()).isTrue();
    }

    @Test
    void aPageForGermanTouristsIsLeftToTheRulesThoughItsDieIsDutchToo() {
        ReaderModel.Reading reading = read(("Die Gemeinde und die Polizei haben im Sommer eine Aktion in den Strandbars "
                + "gestartet. Wer sich nicht sicher fühlt, fragt an der Theke nach Angela: das Personal ist geschult und "
                + "hilft Ihnen diskret weiter. ").repeat(3));

        assertThat(reading.foreign()).isTrue();
    }

    @Test
    void aDutchPageWithAnEnglishParagraphStaysDutch() {
        ReaderModel.Reading reading = read(("Het barpersoneel van de jeugdhuizen volgde een vorming. Wie zich niet "
                + "veilig voelt, kan naar Angela vragen aan de toog. Dat is een afspraak met alle cafes van de stad. ")
                .repeat(3), "For students from abroad: ask for Angela at the bar, the staff will help you.");

        assertThat(reading.foreign()).isFalse();
        assertThat(reading.judges()).isTrue();
    }

    @Test
    void aListOfHelpLinesWithoutRunningTextIsNotCalledForeign() {
        ReaderModel.Reading reading = read("1712 - Tele-Onthaal 106 - Awel 102 - Zorgcentrum na Seksueel Geweld - CAW - "
                .repeat(8));

        assertThat(reading.foreign()).isFalse();
    }
}
