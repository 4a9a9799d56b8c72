package nl.vangnet.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.vangnet.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise to a victim, tested the hard way: concurrent synthetic victims save help requests
 * (half asking for a professional) through the public API while the application — and, in the
 * second test, its embedded PostgreSQL too — is killed with SIGKILL at a random moment; it is
 * started again on the same data directory. Then every acknowledged receipt must look up, and
 * every saved request that asked for a professional must have exactly one case in an
 * organisation's triage queue. No answer may be a 5xx other than the polite 503 "busy".
 *
 * <p>In CI each test kills once with a modest load. The long chaos run is the same code with
 * more: {@code ./mvnw -pl app verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=HelpRequestCrashIT -Dchaos.kills=20 -Dchaos.clients=1000} (figures in
 * docs/reliability.md); each round's figures are printed and appended to
 * {@code target/chaos-report.md}.
 */
class HelpRequestCrashIT {

    private static final int KILLS = Integer.getInteger("chaos.kills", 1);
    private static final int CLIENTS = Integer.getInteger("chaos.clients", 40);
    private static final long SEED = Long.getLong("chaos.seed", System.nanoTime());
    private static final Duration HAND_OVER_PATIENCE = Duration.ofSeconds(180);

    @Test
    void nothingAcknowledgedIsLostWhenTheApplicationIsKilled(@TempDir Path dataDir) throws Exception {
        run(dataDir, false);
    }

    @Test
    void nothingAcknowledgedIsLostWhenTheApplicationAndItsDatabaseAreKilled(@TempDir Path dataDir) throws Exception {
        run(dataDir, true);
    }

    private void run(Path dataDir, boolean withDatabase) throws Exception {
        Random random = new Random(SEED);
        System.out.println("HelpRequestCrashIT: seed " + SEED + ", kills " + KILLS + ", clients " + CLIENTS);
        int port = AppProcess.freePort();
        int opsPort = AppProcess.freePort();
        AppProcess app = launch(dataDir, port, opsPort);
        List<String> restartTimes = new ArrayList<>();
        try (HelpRequestTraffic traffic = new HelpRequestTraffic(app.baseUri())) {
            traffic.start(CLIENTS, Duration.ofMinutes(60), Long.MAX_VALUE);
            for (int kill = 0; kill < KILLS; kill++) {
                // Long enough for requests and hand-overs to be in every state when the kill comes.
                Thread.sleep(3_000 + random.nextInt(7_000));
                if (withDatabase) {
                    app.killWithPostmaster();
                } else {
                    app.kill();
                }
                long restart = System.nanoTime();
                app = launch(dataDir, port, opsPort);
                restartTimes.add(Duration.ofNanos(System.nanoTime() - restart).toMillis() + " ms");
            }
            Thread.sleep(2_000 + random.nextInt(3_000));
            traffic.stop();
            traffic.close();

            List<HelpRequestTraffic.Acknowledged> acknowledged = traffic.acknowledged();
            Report report = verify(app, dataDir, acknowledged);
            String line = String.format(
                    "| %s | %d | %d | %d | %d | %d | %d | %d | %s | %s |",
                    withDatabase ? "app + PostgreSQL" : "app",
                    KILLS,
                    CLIENTS,
                    acknowledged.size(),
                    report.found,
                    report.lost,
                    report.duplicates,
                    traffic.serverErrors(),
                    traffic.statuses(),
                    String.join(", ", restartTimes));
            System.out.println("HelpRequestCrashIT: " + line);
            Path out = Path.of("target", "chaos-report.md");
            Files.writeString(
                    out,
                    line + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);

            assertThat(acknowledged)
                    .as("the run acknowledged help requests that asked for a professional")
                    .anyMatch(HelpRequestTraffic.Acknowledged::askedProfessional);
            assertThat(report.lost)
                    .as("acknowledged receipts that no longer look up")
                    .isZero();
            assertThat(report.missingCases)
                    .as("saved requests asking for a professional without a case in a triage queue")
                    .isEmpty();
            assertThat(report.duplicates)
                    .as("help requests with more than one case")
                    .isZero();
            assertThat(traffic.serverErrors())
                    .as("5xx answers other than 503 busy")
                    .isZero();
        } finally {
            app.close();
        }
    }

    /** Demo mode seeds a hotline, so portal cases land in a real triage queue. */
    static AppProcess launch(Path dataDir, int port, int opsPort) {
        return AppProcess.on(dataDir)
                .port(port)
                .managementPort(opsPort)
                .arg("--vangnet.demo=true")
                .jvmArg("-Xmx768m")
                .start()
                .awaitHealthy();
    }

    record Report(int found, int lost, List<String> missingCases, int duplicates) {}

    static Report verify(AppProcess app, Path dataDir, List<HelpRequestTraffic.Acknowledged> acknowledged)
            throws Exception {
        int found = 0;
        int lost = 0;
        HttpClient http = HttpClient.newHttpClient();
        for (HelpRequestTraffic.Acknowledged ack : acknowledged) {
            HttpResponse<String> lookup = http.send(
                    HttpRequest.newBuilder(app.baseUri().resolve("/api/v1/help-requests/lookup"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"receipt\":\"" + ack.receipt() + "\",\"passphrase\":\"\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (lookup.statusCode() == 200) {
                found++;
            } else {
                lost++;
            }
        }
        try (Connection db = embeddedDatabase(dataDir)) {
            long deadline = System.nanoTime() + HAND_OVER_PATIENCE.toNanos();
            List<String> missing = missingCases(db);
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                missing = missingCases(db);
            }
            int duplicates;
            try (PreparedStatement q = db.prepareStatement("""
                            SELECT count(*) FROM (SELECT help_request_id FROM cases.case_file
                             WHERE help_request_id IS NOT NULL GROUP BY help_request_id HAVING count(*) > 1) d
                            """);
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                duplicates = rs.getInt(1);
            }
            return new Report(found, lost, missing, duplicates);
        }
    }

    /**
     * Saved requests that asked for a professional (a professional-help consent was recorded with
     * them) and have no open case owned by an organisation.
     */
    private static List<String> missingCases(Connection db) throws Exception {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                        SELECT r.id FROM intake.help_request r
                         WHERE EXISTS (SELECT 1 FROM intake.consent c
                                        WHERE c.help_request_id = r.id AND c.scope = 'PROFESSIONAL_HELP')
                           AND NOT EXISTS (SELECT 1 FROM cases.case_file f
                                            WHERE f.help_request_id = r.id AND f.organisation_id IS NOT NULL
                                              AND f.status = 'NEW')
                        """);
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
        }
        return missing;
    }

    /** The embedded PostgreSQL of the data directory, with the password it keeps there. */
    static Connection embeddedDatabase(Path dataDir) throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        String port = pid.get(3).trim();
        String password = Files.readString(dataDir.resolve("postgres-password")).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
    }
}
