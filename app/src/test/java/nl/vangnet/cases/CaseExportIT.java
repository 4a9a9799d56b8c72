package nl.vangnet.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Legacy import (dry run reporting every unmappable row, refusing wrong encodings and missing
 * columns, all or nothing), the pseudonymised research export with its k-anonymity refusal, and the
 * police summary that exists only with the victim's consent. Own database (the k-anonymity check
 * counts every case in it).
 */
@VangnetIntegrationTest
@TestPropertySource(properties = "vangnet.cases.retention.cron=0 0 4 * * *")
class CaseExportIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    IntakeManagement intake;

    @Autowired
    OrganisationLinks links;

    @Autowired
    CaseFiles files;

    @Autowired
    JdbcClient jdbc;

    CaseTeam team;

    @BeforeEach
    void prepare() {
        team = CaseTeam.of(staff, "Export", "x").receivesPortalRequests(links);
    }

    long cases() {
        return jdbc.sql("SELECT count(*) FROM cases.case_file")
                .query(Long.class)
                .single();
    }

    HttpResponse<String> upload(StaffClient client, String action, byte[] csv) {
        client.get("/staff/cases/import");
        return client.upload("/staff/cases/import", Map.of("scheme", "nl-common", "action", action), "file", csv);
    }

    @Test
    void aLegacyImportReportsEveryProblemAndImportsNothingUntilTheWholeFileIsRight() {
        StaffClient hanna = team.login(port, "hanna");
        long before = cases();
        String bad = """
                reference;registered_on;category;detail;age_band
                OUD-1;2024-03-02;wraakporno;;16-17
                OUD-2;2024-03-05;iets heel anders;;
                OUD-3;2024-13-01;sextortion;;
                OUD-4;2024-04-01;ongewenste sexting;OSI-FLASH;12-15
                OUD-4;2024-04-02;ongewenste sexting;;
                OUD-6;2024-04-03;sextortion;GRM;oud
                """;
        HttpResponse<String> dry = upload(hanna, "dry-run", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(dry.statusCode()).isEqualTo(422);
        assertThat(dry.body())
                .contains("Regel 3: de categorie iets heel anders staat niet in de vertaaltabel")
                .contains("Regel 4: 2024-13-01 in registered_on is geen datum")
                .contains("Regel 4: de categorie sextortion is te grof")
                .contains("Regel 6: het nummer OUD-4 staat meer dan eens in het bestand")
                .contains("Regel 6: de categorie ongewenste sexting is te grof")
                .contains("Regel 7: GRM in detail past niet bij deze categorie")
                .contains("Regel 7: de leeftijd oud is onbekend")
                .contains("Er is niets geïmporteerd.");
        // Asking to import the same file imports nothing: all or nothing.
        assertThat(upload(hanna, "import", bad.getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(422);
        assertThat(cases()).isEqualTo(before);

        // Wrong encoding and missing columns are reported, not guessed.
        byte[] latin1 = "reference,registered_on,category\nOUD-9,2024-01-01,verspreiden van naaktfoto's é\n"
                .getBytes(Charset.forName("windows-1252"));
        assertThat(upload(hanna, "dry-run", latin1).body()).contains("Het bestand is geen UTF-8");
        assertThat(upload(hanna, "dry-run", "reference,category\nA,wraakporno\n".getBytes(StandardCharsets.UTF_8))
                        .body())
                .contains("de verplichte kolom registered_on ontbreekt");

        String good = """
                reference,registered_on,category,detail,age_band,closed_on,closing_reason
                OUD-1,2024-03-02,wraakporno,,16-17,2024-05-01,HELPED
                OUD-4,2024-04-01,ongewenste sexting,OSI-FLASH,12-15,,
                "OUD-7",2024-04-09,"sextortion (financieel)",,18-24,,
                """;
        HttpResponse<String> imported = upload(hanna, "import", ("\uFEFF" + good).getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("3 registraties zijn geïmporteerd.");
        assertThat(cases()).isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT string_agg(i.code || ':' || c.status, ',' ORDER BY c.legacy_reference)"
                                + " FROM cases.case_file c JOIN cases.incident i ON i.case_id = c.id WHERE c.origin = 'IMPORT'"
                                + " AND c.legacy_reference LIKE 'OUD-%'")
                        .query(String.class)
                        .single())
                .isEqualTo("IBA-DIS:CLOSED,OSI-FLASH:IN_PROGRESS,SXT-FIN:IN_PROGRESS");
        // The same file again: every reference was imported before.
        assertThat(upload(hanna, "import", good.getBytes(StandardCharsets.UTF_8))
                        .body())
                .contains("het nummer OUD-1 is al eerder geïmporteerd");
        assertThat(cases()).isEqualTo(before + 3);
        // Police and researchers cannot import.
        assertThat(team.login(port, "piet").get("/staff/cases/import").statusCode())
                .isEqualTo(404);
    }

    @Test
    void wrongEncodingsMissingColumnsAndUnknownCategoriesAreReportedAndNothingIsImportedEvenWhenAsked() {
        StaffClient hanna = team.login(port, "hanna");
        long before = cases();
        String csv = "reference,registered_on,category\nENC-1,2024-01-01,wraakporno\n";

        // Latin-1 (ISO-8859-1): an é is a single byte no UTF-8 text holds.
        HttpResponse<String> latin1 = upload(
                hanna, "import", (csv + "ENC-2,2024-01-02,wraakporno é\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.statusCode()).isEqualTo(422);
        assertThat(latin1.body()).contains("Het bestand is geen UTF-8", "Er is niets geïmporteerd.");

        // UTF-16, as Excel's "Unicode text" writes it (little-endian with a byte-order mark), and without the mark.
        for (byte[] utf16 : List.of(
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE), csv.getBytes(StandardCharsets.UTF_16LE))) {
            HttpResponse<String> refused = upload(hanna, "import", utf16);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("Het bestand is UTF-16", "Er is niets geïmporteerd.");
        }

        // Missing columns: every one named.
        HttpResponse<String> missing = upload(hanna, "import", "reference\nENC-3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body())
                .contains("de verplichte kolom registered_on ontbreekt", "de verplichte kolom category ontbreekt");

        // One unknown category among good rows: the good rows are not imported either.
        HttpResponse<String> unknown = upload(
                hanna,
                "import",
                (csv + "ENC-4,2024-01-03,iets onbekends\nENC-5,2024-01-04,wraakporno\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body())
                .contains("Regel 3: de categorie iets onbekends staat niet in de vertaaltabel")
                .doesNotContain("Regel 2:", "Regel 4:");

        // The report in English for an English-speaking user.
        StaffClient english = team.login(port, "hanna", "en");
        HttpResponse<String> reported = upload(english, "dry-run", csv.getBytes(StandardCharsets.UTF_16LE));
        assertThat(reported.body()).contains("The file is UTF-16");

        assertThat(cases()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case_file WHERE legacy_reference LIKE 'ENC-%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theResearchExportIsRefusedBelowKAndHoldsNoFreeTextOrExactDates() {
        StaffClient roos = team.login(port, "roos");
        StaffClient hanna = team.login(port, "hanna");
        hanna.get("/staff/cases/new");
        hanna.post("/staff/cases", "channel", "PHONE", "ageBand", "25-plus", "narrative", "Uniek-verhaal-4471");
        HttpResponse<String> refused = roos.get("/staff/cases/research/export.csv?granularity=YEAR");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Export geweigerd");

        // Remove the small groups, then add five alike cases: every group reaches k = 5.
        jdbc.sql("DELETE FROM cases.case_file").update();
        StringBuilder csv = new StringBuilder("reference,registered_on,category,age_band\n");
        for (int i = 0; i < 6; i++) {
            csv.append("K-").append(i).append(",2024-02-0").append(i + 1).append(",wraakporno,18-24\n");
        }
        assertThat(upload(hanna, "import", csv.toString().getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> page = roos.get("/staff/cases/research");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> export = roos.get("/staff/cases/research/export.csv?granularity=MONTH");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("case,opened,channel");
        assertThat(lines.get(1)).contains(",2024-02,IMPORT,IMPORT,IN_PROGRESS,", ",18-24,", ",IBA-DIS,");
        assertThat(export.body()).doesNotContain("K-0", "2024-02-01", "Export Hulplijn");
        // A new pseudonym per export: the two exports cannot be linked.
        String again =
                roos.get("/staff/cases/research/export.csv?granularity=MONTH").body();
        assertThat(again.lines().skip(1).map(l -> l.substring(0, 16)).toList())
                .doesNotContainAnyElementsOf(
                        lines.stream().skip(1).map(l -> l.substring(0, 16)).toList());
        // Only researchers.
        assertThat(hanna.get("/staff/cases/research/export.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void theResearchExportIsRefusedWithFourAlikeCasesAndAllowedWithFive() {
        StaffClient roos = team.login(port, "roos");
        StaffClient hanna = team.login(port, "hanna");
        jdbc.sql("DELETE FROM cases.case_file").update();
        StringBuilder four = new StringBuilder("reference,registered_on,category,age_band\n");
        for (int i = 1; i <= 4; i++) {
            four.append("KB-").append(i).append(",2024-03-0").append(i).append(",wraakporno,16-17\n");
        }
        assertThat(upload(hanna, "import", four.toString().getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = roos.get("/staff/cases/research/export.csv?granularity=MONTH");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Export geweigerd").doesNotContain("KB-");

        String fifth = "reference,registered_on,category,age_band\nKB-5,2024-03-05,wraakporno,16-17\n";
        assertThat(upload(hanna, "import", fifth.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> allowed = roos.get("/staff/cases/research/export.csv?granularity=MONTH");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body().lines().skip(1).toList())
                .hasSize(5)
                .allSatisfy(line -> assertThat(line).contains(",2024-03,", ",16-17,", ",IBA-DIS,"));
    }

    @Test
    void thePoliceSummaryExistsOnlyWithTheVictimsConsentToShareWithThePolice() {
        IntakeManagement.Submission unshared = CaseFixtures.helpRequest(intake, "");
        CaseId withoutConsent = CaseFixtures.eventually(
                        () -> files.byHelpRequest(unshared.id().value()))
                .id();
        IntakeManagement.Submission shared = CaseFixtures.helpRequest(intake, "", "politie");
        CaseId withConsent = CaseFixtures.eventually(
                        () -> files.byHelpRequest(shared.id().value()))
                .id();
        StaffClient hanna = team.login(port, "hanna");
        assertThat(hanna.get("/staff/cases/" + withoutConsent + "/police-summary")
                        .statusCode())
                .isEqualTo(404);
        assertThat(hanna.get("/staff/cases/" + withoutConsent).body()).doesNotContain("police-summary");
        assertThat(hanna.get("/staff/cases/" + withConsent).body()).contains("police-summary");
        HttpResponse<String> summary = hanna.get("/staff/cases/" + withConsent + "/police-summary");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body()).contains("Samenvatting voor de politie", "SXT-FIN", "Export Politie");

        StaffClient piet = team.login(port, "piet");
        assertThat(piet.get("/staff/cases/" + withoutConsent + "/police-summary")
                        .statusCode())
                .isEqualTo(404);
        assertThat(piet.get("/staff/cases/" + withConsent + "/police-summary").body())
                .contains("Waarom open je dit dossier?");
        piet.post("/staff/cases/" + withConsent + "/reason", "reason", "Aangifte opnemen op 12 maart");
        assertThat(piet.get("/staff/cases/" + withConsent + "/police-summary").statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'CASE_EXPORTED' AND subject_id = :id"
                                + " AND reason = 'Aangifte opnemen op 12 maart'")
                        .param("id", withConsent.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
