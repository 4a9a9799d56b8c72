package nl.vangnet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.vangnet.EdgeTest;
import nl.vangnet.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guessing API keys in parallel from loopback clients (distinct 127.0.0.x source addresses): a
 * client gets its budget of wrong keys checked and then 429 with Retry-After; a platform with a
 * right key on another address is not affected (docs/adr/0034).
 */
@EdgeTest
class ApiKeyGuessingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    @Autowired
    ApiClientManagement clients;

    @Autowired
    StaffManagement staff;

    @Autowired
    MeterRegistry meters;

    private double checks() {
        return meters.get("vangnet.identity.api-key.checks").counter().count();
    }

    private static String randomKey() {
        StringBuilder s = new StringBuilder("vgk_");
        for (int i = 0; i < 12; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        s.append('_');
        for (int i = 0; i < 43; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static List<Integer> flood(Http from, int requests, Runnable during) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    String key = RANDOM.nextInt(4) == 0 ? "nonsense" : randomKey();
                    return from.get("/api/v1/hashes?cursor=0&limit=1", Map.of("X-Api-Key", key))
                            .statusCode();
                }));
            }
            Future<?> alongside = pool.submit(() -> {
                start.await();
                during.run();
                return null;
            });
            start.countDown();
            alongside.get();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            return statuses;
        }
    }

    @Test
    void wrongKeysFromOneClientAreCheckedAtMostTheBudgetAndARightKeyElsewhereStillWorks() throws Exception {
        Organisation platform =
                staff.createOrganisation("admin", "Platform " + System.nanoTime(), OrganisationKind.OTHER);
        String key = clients.create("admin", "Feedlezer", platform.id(), EnumSet.of(ApiScope.HASHES_READ), 600)
                .key();
        Http guesser = new Http(port, "127.0.0.20");
        Http secondGuesser = new Http(port, "127.0.0.21");
        Http partner = new Http(port, "127.0.0.22");
        List<Integer> partnersAnswers = new ArrayList<>();
        Runnable partnerWorks = () -> {
            for (int i = 0; i < 3; i++) {
                synchronized (partnersAnswers) {
                    partnersAnswers.add(partner.get("/api/v1/hashes?cursor=0&limit=1", Map.of("X-Api-Key", key))
                            .statusCode());
                }
            }
        };

        double before = checks();
        List<Integer> first = flood(guesser, 60, partnerWorks);
        double checkedForFirst = checks() - before;
        List<Integer> second = flood(secondGuesser, 60, partnerWorks);

        assertThat(first).hasSize(60).containsOnly(401, 429);
        assertThat(first.stream().filter(s -> s == 401).count()).isEqualTo(20);
        // The partner's three good keys were checked too: each check is counted once.
        assertThat(checkedForFirst).isEqualTo(20.0 + 3.0);
        assertThat(second.stream().filter(s -> s == 401).count()).isEqualTo(20);
        assertThat(partnersAnswers).hasSize(6).containsOnly(200);

        HttpResponse<String> locked = guesser.get(
                "/api/v1/hashes?cursor=0&limit=1", Map.of("X-Api-Key", randomKey(), "Accept-Language", "en"));
        assertThat(locked.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
        var body = JSON.readTree(locked.body());
        assertThat(body.get("type").asString()).isEqualTo("urn:vangnet:problem:too-many-requests");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("api-key-attempts-exceeded");
        assertThat(body.get("errors").get(0).get("message").asString())
                .isEqualTo("Too many invalid API keys from this address. Try again in " + retryAfter + " seconds.");
        // A locked address is refused whatever key it sends (the budget is spent before any check).
        assertThat(guesser.get("/api/v1/hashes?cursor=0&limit=1", Map.of("X-Api-Key", key))
                        .statusCode())
                .isEqualTo(429);
        assertThat(partner.get("/api/v1/hashes?cursor=0&limit=1", Map.of("X-Api-Key", key))
                        .statusCode())
                .isEqualTo(200);
    }
}
