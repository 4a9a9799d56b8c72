package nl.vangnet.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.ApiClientManagement;
import nl.vangnet.identity.ApiScope;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/v1/match} over real HTTP on loopback with 100 hashes per call against a bank of
 * synthetic hashes. Run on purpose, never in the normal build:
 * {@code ./mvnw -pl app verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MatchApiBenchmark
 * -Dbench.hashes=1000000}
 */
@VangnetIntegrationTest
class MatchApiBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiClientManagement clients;

    @Autowired
    StaffManagement staff;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void matchHundredHashesPerCall() throws Exception {
        int bankSize = Integer.getInteger("bench.hashes", 1_000_000);
        int seconds = Integer.getInteger("bench.seconds", 30);
        // Synthetic hashes generated inside PostgreSQL: fast, and no real image is involved.
        jdbc.sql("""
                        WITH rows AS (
                          INSERT INTO matching.hash (reference, bank_id, pdq, quality, source_type, added_at, added_by)
                          SELECT gen_random_uuid(), 'takedown',
                                 decode(md5(i::text || 'a') || md5(i::text || 'b'), 'hex'),
                                 90, 'STAFF', now(), 'benchmark'
                            FROM generate_series(1, :n) AS i
                          RETURNING seq)
                        INSERT INTO matching.change (hash_seq, kind, at) SELECT seq, 'ADDED', now() FROM rows
                        """).param("n", bankSize).update();
        Object index = context.getBean(Class.forName("nl.vangnet.matching.MatchIndex"));
        var follow = index.getClass().getDeclaredMethod("follow");
        follow.setAccessible(true);
        long t0 = System.nanoTime();
        follow.invoke(index);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        String key = clients.create(
                        "bench",
                        "Benchmark",
                        staff.createOrganisation("bench", "Bench " + System.nanoTime(), OrganisationKind.OTHER)
                                .id(),
                        EnumSet.of(ApiScope.MATCH),
                        100_000)
                .key();
        Random random = new Random(7);
        String[] bodies = new String[256];
        for (int b = 0; b < bodies.length; b++) {
            StringBuilder body = new StringBuilder("{\"hashes\":[");
            for (int i = 0; i < 100; i++) {
                body.append(i == 0 ? "" : ",").append('"');
                for (int w = 0; w < 4; w++) {
                    body.append(String.format("%016x", random.nextLong()));
                }
                body.append('"');
            }
            bodies[b] = body.append("]}").toString();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/match");
        // Warm-up, then the measured run.
        LoadRun.run(4, Duration.ofSeconds(5), 100_000, n -> request(uri, key, bodies[n % bodies.length]));
        System.out.println("| clients | calls | errors | calls/s | p50 ms | p99 ms | max ms |");
        for (int clientsCount : new int[] {1, 4, 16}) {
            LoadRun.Result result = LoadRun.run(
                    clientsCount,
                    Duration.ofSeconds(seconds),
                    1_000_000,
                    n -> request(uri, key, bodies[n % bodies.length]));
            System.out.println("BENCH " + result.row(Integer.toString(clientsCount)));
        }
        System.out.printf("BENCH bank=%d hashes, index load %.1f s%n", bankSize, loadSeconds);
    }

    private static HttpRequest request(URI uri, String key, String body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
