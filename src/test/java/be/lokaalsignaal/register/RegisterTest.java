package be.lokaalsignaal.register;

import be.lokaalsignaal.avro.Municipality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterTest {

    private final Register register = Register.bundled();

    @Test
    void bundledRegisterHoldsEveryCodeOnceWith300Before2025And285After() {
        assertThat(register.all()).hasSize(312);
        assertThat(register.inForceOn(LocalDate.of(2021, 3, 3))).hasSize(300);
        assertThat(register.inForceOn(Register.LAST_DAY_BEFORE_MERGERS)).hasSize(300);
        assertThat(register.inForceOn(Register.FIRST_DAY_AFTER_MERGERS)).hasSize(285);
        assertThat(register.inForceOn(LocalDate.of(2026, 6, 1))).hasSize(285);
    }

    @Test
    void thirteenCentreCitiesAreInForceOnEitherSideOfTheMergers() {
        assertThat(register.inForceOn(LocalDate.of(2020, 1, 1)).stream().filter(Municipality::getCentreCity)).hasSize(13);
        assertThat(register.inForceOn(LocalDate.of(2025, 1, 1)).stream().filter(Municipality::getCentreCity)).hasSize(13);
    }

    @Test
    void mergedAwayMunicipalityEndsIn2024AndPointsToItsSuccessor() {
        Municipality borsbeek = register.byNis("11007").orElseThrow();
        assertThat(borsbeek.getName()).isEqualTo("Borsbeek");
        assertThat(borsbeek.getValidUntil()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(borsbeek.getSuccessor()).isEqualTo("11002");
        assertThat(borsbeek.getValidFrom()).isNull();
    }

    @Test
    void antwerpenKeepsItsCodeAndGainsBorsbeekAsPredecessor() {
        Municipality antwerpen = register.byNis("11002").orElseThrow();
        assertThat(antwerpen.getValidFrom()).isNull();
        assertThat(antwerpen.getValidUntil()).isNull();
        assertThat(antwerpen.getPredecessors()).containsExactly("11007");
    }

    @Test
    void hasseltGetsANewCodeIn2025AndTheOldCodeForwardsToIt() {
        Municipality oldHasselt = register.byNis("71022").orElseThrow();
        Municipality newHasselt = register.byNis("71072").orElseThrow();
        assertThat(oldHasselt.getSuccessor()).isEqualTo("71072");
        assertThat(newHasselt.getValidFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(newHasselt.getPredecessors()).containsExactly("71022", "73040");
        assertThat(newHasselt.getCentreCity()).isTrue();
    }

    @Test
    void successorOnGivesTheCodeThatCountsForTheDate() {
        assertThat(register.successorOn("71022", LocalDate.of(2021, 3, 3))).isEqualTo("71022");
        assertThat(register.successorOn("71022", LocalDate.of(2025, 1, 1))).isEqualTo("71072");
        assertThat(register.successorOn("46013", LocalDate.of(2025, 5, 1))).isEqualTo("46030");
        assertThat(register.successorOn("12025", LocalDate.of(2030, 1, 1))).isEqualTo("12025");
        assertThatThrownBy(() -> register.successorOn("99999", LocalDate.now()))
                .hasMessageContaining("99999");
    }

    @Test
    void websiteHostFindsTheMunicipalityWithOrWithoutWww() {
        assertThat(register.nisForHost("www.mechelen.be")).contains("12025");
        assertThat(register.nisForHost("MECHELEN.be")).contains("12025");
        assertThat(register.nisForHost("https://www.mechelen.be/nieuws?x=1")).contains("12025");
        assertThat(register.nisForHost("stad.gent")).contains("44021");
        assertThat(register.nisForHost("www.stad.gent")).contains("44021");
        assertThat(register.nisForHost("www.example.org")).isEmpty();
    }

    @Test
    void websiteHostSharedAcrossTheMergerGoesToTheMunicipalityInForce() {
        assertThat(register.nisForHost("www.hasselt.be", LocalDate.of(2021, 1, 1))).contains("71022");
        assertThat(register.nisForHost("www.hasselt.be", LocalDate.of(2025, 2, 1))).contains("71072");
    }

    @Test
    void websitesAreNormalisedToUrlsAndOnlyMunicipalitiesInForceAreToBeScanned() {
        assertThat(register.byNis("12025").orElseThrow().getWebsite()).isEqualTo("https://www.mechelen.be");
        assertThat(register.byNis("11005").orElseThrow().getWebsite()).isEqualTo("https://www.boom.be");
        assertThat(register.withWebsiteOn(LocalDate.of(2026, 1, 1)))
                .isNotEmpty()
                .allMatch(m -> m.getWebsite() != null && m.getValidUntil() == null);
        assertThat(register.withWebsiteOn(LocalDate.of(2020, 1, 1))).extracting(Municipality::getName).contains("Borsbeek");
    }

    @Test
    void everyMunicipalityOfBothListsHasAWebsiteToScan() {
        assertThat(register.withWebsiteOn(LocalDate.of(2026, 1, 1))).hasSize(285);
        assertThat(register.withWebsiteOn(LocalDate.of(2021, 1, 1))).hasSize(300);
    }

    @Test
    void eachWebsiteKeepsItsConfidenceAndSource() {
        Map<String, Long> confidence = register.inForceOn(LocalDate.of(2026, 1, 1)).stream()
                .collect(Collectors.groupingBy(Municipality::getWebsiteConfidence, Collectors.counting()));
        assertThat(confidence).containsExactlyInAnyOrderEntriesOf(Map.of("high", 275L, "medium", 6L, "low", 4L));
        assertThat(register.inForceOn(LocalDate.of(2026, 1, 1)).stream()
                .filter(m -> "low".equals(m.getWebsiteConfidence())).map(Municipality::getName))
                .containsExactlyInAnyOrder("Pajottegem", "Tessenderlo-Ham", "Tongeren-Borgloon", "Beveren-Kruibeke-Zwijndrecht");
        Municipality aartselaar = register.byNis("11001").orElseThrow();
        assertThat(aartselaar.getWebsiteSource()).startsWith("lblod/app-organization-portal");
        assertThat(register.all()).allMatch(m -> m.getWebsiteSource() != null && !m.getWebsiteSource().isBlank());
    }

    @Test
    void aFileMayGiveTheConfidenceAndSourceOfEachWebsite(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("met-bron.csv");
        Files.writeString(csv, String.join("\n",
                "nis_code,name,province,website,website_confidence,website_source",
                "12025,Mechelen,Antwerpen,www.mechelen.be,High,eigen telefoontje 2026-11-02",
                "11005,Boom,Antwerpen,www.boom.be,,",
                "44021,Gent,Oost-Vlaanderen,stad.gent,zeker,mail van de stad",
                "11001,Aartselaar,Antwerpen,,low,niets"), StandardCharsets.UTF_8);
        RegisterLoad load = Register.load(csv);
        Municipality mechelen = load.register().byNis("12025").orElseThrow();
        assertThat(mechelen.getWebsiteConfidence()).isEqualTo("high");
        assertThat(mechelen.getWebsiteSource()).isEqualTo("eigen telefoontje 2026-11-02");
        assertThat(load.register().byNis("11005").orElseThrow().getWebsiteConfidence()).isNull();
        // without a website there is nothing to be sure of
        assertThat(load.register().byNis("11001").orElseThrow().getWebsiteConfidence()).isNull();
        assertThat(load.problems()).extracting(LoadProblem::toString).containsExactly(
                "met-bron.csv:4: bad website_confidence 'zeker' (expected one of high, medium, low)");
    }

    @Test
    void aFileWithoutAnyValidRowIsRejectedNamingTheFirstProblem(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("leeg.csv");
        Files.writeString(csv, "nis_code,name,province,website\n1234,Nergensdorp,Antwerpen,\n11001,Aartselaar,Brabant,\n");
        assertThatThrownBy(() -> Register.load(csv))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("has no valid row")
                .hasMessageContaining("leeg.csv:2: bad NIS code '1234'");
        Path headerOnly = dir.resolve("alleen-header.csv");
        Files.writeString(headerOnly, "nis_code,name,province,website\n");
        assertThatThrownBy(() -> Register.load(headerOnly)).hasMessageContaining("has no valid row");
    }

    @Test
    void loadingAFileKeepsTheGoodRowsAndReportsEachBadRowWithFileLineAndReason(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("gemeenten.csv");
        Files.writeString(csv, String.join("\n",
                "nis_code,name,province,website,centrumstad",
                "12025,Mechelen,Antwerpen,www.mechelen.be,true",
                "44021,Gent,Oost-Vlaanderen,https://stad.gent/nl,true",
                "1234,Nergensdorp,Antwerpen,,false",
                "11001,,Antwerpen,,false",
                "11004,Boechout,Brabant,,false",
                "12025,Mechelen bis,Antwerpen,,false",
                "11008,Brasschaat,Antwerpen,ftp://brasschaat.be,false",
                "11009,Brecht,Antwerpen",
                "11005,Boom,Antwerpen,,false",
                ""), StandardCharsets.UTF_8);

        RegisterLoad load = Register.load(csv);

        assertThat(load.register().all()).extracting(Municipality::getNisCode).containsExactly("11005", "12025", "44021");
        assertThat(load.register().byNis("44021").orElseThrow().getWebsite()).isEqualTo("https://stad.gent/nl");
        assertThat(load.register().byNis("11005").orElseThrow().getWebsite()).isNull();
        assertThat(load.problems()).extracting(LoadProblem::toString).containsExactly(
                "gemeenten.csv:4: bad NIS code '1234' (expected 5 digits)",
                "gemeenten.csv:5: missing name for 11001",
                "gemeenten.csv:6: unknown province 'Brabant' (expected one of Antwerpen, Limburg, Oost-Vlaanderen, Vlaams-Brabant, West-Vlaanderen)",
                "gemeenten.csv:7: duplicate NIS code 12025",
                "gemeenten.csv:8: bad website 'ftp://brasschaat.be': scheme must be http or https",
                "gemeenten.csv:9: expected 5 columns but found 3");
    }

    @Test
    void loadingFindsColumnsByNameAndRecognisesCentreCitiesWithoutTheColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("kort.csv");
        Files.writeString(csv, "website,province,name,nis_code\nwww.mechelen.be,Antwerpen,Mechelen,12025\n,Antwerpen,Boom,11005\n");
        Register loaded = Register.load(csv).register();
        Map<String, Boolean> centre = loaded.all().stream()
                .collect(Collectors.toMap(Municipality::getName, Municipality::getCentreCity));
        assertThat(centre).containsEntry("Mechelen", true).containsEntry("Boom", false);
        assertThat(loaded.nisForHost("mechelen.be")).contains("12025");
    }

    @Test
    void loadingTheBundledListsAsFilesKeepsTheMergerHistory() throws Exception {
        Path csv2019 = Path.of(getClass().getResource("/register/municipalities-2019.csv").toURI());
        RegisterLoad load = Register.load(csv2019);
        assertThat(load.problems()).isEmpty();
        assertThat(load.register().all()).hasSize(300);
        assertThat(load.register().byNis("11007").orElseThrow().getSuccessor()).isEqualTo("11002");
    }

    @Test
    void aMissingFileIsOneClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> Register.load(dir.resolve("weg.csv")))
                .isInstanceOf(RegisterException.class)
                .hasMessage("Register file not found: " + dir.resolve("weg.csv"));
    }

    @Test
    void aFileWithoutTheRequiredHeaderIsRejected(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("geen-header.csv");
        Files.writeString(csv, "12025,Mechelen,Antwerpen,www.mechelen.be\n");
        assertThatThrownBy(() -> Register.load(csv))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("lacks column(s) nis_code, name, province, website");
    }

    @Test
    void aFileThatIsNotUtf8IsRejected(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, "nis_code,name,province,website\n12025,M\u00e9chelen,Antwerpen,\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Register.load(csv)).hasMessageContaining("not valid UTF-8");
    }
}
