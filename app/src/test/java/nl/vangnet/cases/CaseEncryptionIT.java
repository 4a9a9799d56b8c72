package nl.vangnet.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database dump alone reveals no narrative, note, task, incident description, contact detail,
 * message or hand-over note: the test writes distinctive synthetic text into every one of them
 * through the pages, checks the pages show it, then dumps the whole test database ({@code
 * pg_dump} when it is on the PATH and matches the server, else {@code COPY ... TO STDOUT} of every
 * table) and looks for the text in clear and hex-encoded (how {@code bytea} is dumped).
 */
@VangnetIntegrationTest
class CaseEncryptionIT {

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
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    static final List<String> SECRETS = List.of(
            "Zwaluwstaart-verhaal-7319",
            "Kraanvogel-contact-4410",
            "Merel-notitie-2285",
            "Specht-taak-9902",
            "Ijsvogel-incident-5561",
            "Roerdomp-portaalcontact-3307",
            "Grutto-bericht-hulplijn-6648",
            "Kievit-antwoord-slachtoffer-1176",
            "Wulp-overdracht-8823");

    @Test
    void aDumpOfTheDatabaseContainsNoneOfTheTextTypedAboutVictims() throws Exception {
        CaseTeam team = CaseTeam.of(staff, "Versleutel", "e").receivesPortalRequests(links);
        StaffClient hanna = team.login(port, "hanna");

        // A case opened by phone, with narrative, contact, note, task and incident description.
        hanna.get("/staff/cases/new");
        HttpResponse<String> created =
                hanna.post("/staff/cases", "channel", "PHONE", "narrative", SECRETS.get(0), "contact", SECRETS.get(1));
        String path = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        hanna.get(path);
        hanna.post(path + "/notes", "note", SECRETS.get(2));
        hanna.get(path);
        hanna.post(path + "/tasks", "title", SECRETS.get(3), "dueOn", "2030-01-01");
        hanna.get(path + "/incidents/new?code=OSI-HAR");
        HttpResponse<String> incident = hanna.post(
                path + "/incidents",
                "code",
                "OSI-HAR",
                "dim.platformType",
                "social-media",
                "description",
                SECRETS.get(4));
        assertThat(incident.statusCode()).isEqualTo(302);
        assertThat(hanna.get(path).body()).contains(SECRETS.subList(0, 5));

        // A portal case with contact details and messages both ways, referred with a hand-over note.
        IntakeManagement.Submission submission = CaseFixtures.helpRequest(intake, SECRETS.get(5));
        CaseId portal = CaseFixtures.eventually(
                        () -> files.byHelpRequest(submission.id().value()))
                .id();
        hanna.get("/staff/cases/" + portal);
        hanna.post("/staff/cases/" + portal + "/messages", "message", SECRETS.get(6));
        intake.reply(submission.id(), SECRETS.get(7));
        hanna.get("/staff/referrals/new?case=" + portal);
        HttpResponse<String> referred = hanna.post(
                "/staff/referrals",
                List.of(
                        Map.entry("case", portal.toString()),
                        Map.entry("destination", "csg"),
                        Map.entry("parts", "CODING"),
                        Map.entry("how", "PHONE"),
                        Map.entry("confirm", "yes"),
                        Map.entry("handover", SECRETS.get(8))));
        assertThat(referred.statusCode()).isEqualTo(302);
        CaseFixtures.until(() -> hanna.get("/staff/cases/" + portal).body().contains(SECRETS.get(7)));
        assertThat(hanna.get("/staff/cases/" + portal).body()).contains(SECRETS.get(5), SECRETS.get(6));

        String dump = dump();
        assertThat(dump).as("the dump holds the case rows").contains("VN-");
        String lower = dump.toLowerCase(Locale.ROOT);
        for (String secret : SECRETS) {
            assertThat(dump).as("clear text " + secret).doesNotContain(secret);
            String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
            assertThat(lower).as("hex-encoded " + secret).doesNotContain(hex);
        }
    }

    /** The whole test database as text: pg_dump if it works against this server, else COPY of every table. */
    String dump() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String user = environment.getRequiredProperty("spring.datasource.username");
        String password = environment.getRequiredProperty("spring.datasource.password");
        String viaPgDump = pgDump(url, user, password);
        if (viaPgDump != null) {
            return viaPgDump;
        }
        return copyEveryTable(url, user, password);
    }

    static String pgDump(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(
                "pg_dump",
                "--host=" + uri.getHost(),
                "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()),
                "--username=" + user,
                "--no-password",
                "--data-only",
                uri.getPath().substring(1)));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
            builder.environment().put("PGPASSWORD", password);
            Process process = builder.start();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                // e.g. a pg_dump older than the (embedded) server: fall back to COPY.
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String copyEveryTable(String url, String user, String password) throws SQLException, IOException {
        StringBuilder all = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            List<String> tables = new ArrayList<>();
            try (var rs = connection
                    .createStatement()
                    .executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                            + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                            + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (String table : tables) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                pg.getCopyAPI().copyOut("COPY " + table + " TO STDOUT", out);
                all.append("-- ").append(table).append('\n').append(out.toString(StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void theCopyFallbackSeesWhatIsInTheDatabase() throws Exception {
        // Guards the fallback itself: a marker written in clear into a table must show up in it.
        String marker = "zichtbaar-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO cases.retention_run (id, ran_at, dry_run, triggered_by, report)"
                        + " VALUES (gen_random_uuid(), now(), true, 'test', :marker)")
                .param("marker", marker)
                .update();
        String copied = copyEveryTable(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
        assertThat(copied).contains(marker);
        assertThat(dump()).contains(marker);
    }
}
