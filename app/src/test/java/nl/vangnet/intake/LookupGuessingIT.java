package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.EdgeTest;
import nl.vangnet.Http;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receipt guessing against the real application over loopback (docs/adr/0034). Each client is a
 * different loopback source address (127.0.0.x), which is what the application sees as the
 * remote address; X-Forwarded-For is sent too and must change nothing (no proxy is configured).
 * What was evaluated is read from the application's own counter of Argon2id verifications.
 */
@EdgeTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LookupGuessingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOOKUP = "/api/v1/help-requests/lookup";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private double verifications() {
        return meters.get("vangnet.intake.receipt.verifications")
                .functionCounter()
                .count();
    }

    private static String randomReceipt(String lookupId) {
        StringBuilder s = new StringBuilder(lookupId);
        while (s.length() < 20) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    private static String randomLookupId() {
        return randomReceipt("9").substring(0, 8);
    }

    private HttpResponse<String> lookup(Http client, String receipt) {
        return client.post(
                LOOKUP,
                "application/json",
                "{\"receipt\":\"" + receipt + "\"}",
                Map.of(
                        "X-Forwarded-For",
                        "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255)));
    }

    /** Runs all tasks at once (released together) and returns their results. */
    private static <T> List<T> parallel(List<Supplier<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Supplier<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.get();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    @Test
    @Order(1)
    void parallelWrongLookupsFromOneClientEvaluateAtMostTheLimit() throws Exception {
        Http guesser = new Http(port, "127.0.0.2");
        double before = verifications();
        List<Supplier<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            guesses.add(() -> lookup(guesser, randomReceipt(randomLookupId())));
        }
        List<HttpResponse<String>> answers = parallel(guesses);

        long evaluated = answers.stream().filter(r -> r.statusCode() == 404).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 429).count();
        assertThat(evaluated + refused).as("every answer is 404 or 429").isEqualTo(40);
        // Nothing else has looked anything up yet: the whole per-client budget, and not one more.
        assertThat(evaluated).isEqualTo(10);
        assertThat(verifications() - before).as("Argon2id verifications run").isEqualTo(10.0);
        HttpResponse<String> oneRefusal =
                answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(oneRefusal.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(oneRefusal.body()).get("type").asString())
                .isEqualTo("urn:vangnet:problem:too-many-requests");

        // Afterwards the client is locked, whatever it claims to forward for.
        double after = verifications();
        HttpResponse<String> later = lookup(guesser, randomReceipt(randomLookupId()));
        assertThat(later.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(later.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
        assertThat(verifications()).isEqualTo(after);
    }

    @Test
    @Order(2)
    void theFollowUpPageHoldsTheSameLimitForParallelPosts() throws Exception {
        Http guesser = new Http(port, "127.0.0.3");
        HttpResponse<String> form = guesser.get("/opvolgen");
        String session = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("VANGNET_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        double before = verifications();
        List<Supplier<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guesses.add(() -> guesser.post(
                    "/opvolgen",
                    "application/x-www-form-urlencoded",
                    "receipt=" + randomReceipt(randomLookupId()) + "&_csrf=" + token.group(1),
                    Map.of("Cookie", session, "Accept", "text/html")));
        }
        List<HttpResponse<String>> answers = parallel(guesses);
        long evaluated = answers.stream().filter(r -> r.statusCode() == 422).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 429).count();
        assertThat(evaluated + refused).isEqualTo(30);
        assertThat(evaluated).isBetween(1L, 10L);
        assertThat(verifications() - before).isEqualTo((double) evaluated);
        assertThat(answers.stream()
                        .filter(r -> r.statusCode() == 429)
                        .findFirst()
                        .orElseThrow()
                        .body())
                .contains("te vaak een verkeerde code");
    }

    @Test
    @Order(3)
    void aRightReceiptFromAnotherClientWorksDuringAFloodFromTwoClients() throws Exception {
        Http victim = new Http(port, "127.0.0.9");
        HttpResponse<String> created = victim.postJson("/api/v1/help-requests", "{\"happened\":[\"received\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String receipt = JSON.readTree(created.body()).get("receipt").asString().replace(" ", "");
        String victimsLookupNumber = receipt.substring(0, 8);

        // A third guesser fails once before the flood: from then on the shared budgets apply to it.
        Http probe = new Http(port, "127.0.0.8");
        assertThat(lookup(probe, randomReceipt(randomLookupId())).statusCode()).isEqualTo(404);

        Http floodA = new Http(port, "127.0.0.4");
        Http floodB = new Http(port, "127.0.0.5");
        List<Supplier<List<Integer>>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            // A guesses anywhere; B aims at the victim's own look-up number.
            Http from = i % 2 == 0 ? floodA : floodB;
            boolean targeted = i % 2 == 1;
            tasks.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int n = 0; n < 5; n++) {
                    statuses.add(lookup(from, randomReceipt(targeted ? victimsLookupNumber : randomLookupId()))
                            .statusCode());
                }
                return statuses;
            });
        }
        tasks.add(() -> {
            List<Integer> statuses = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                statuses.add(-victim.postJson(LOOKUP, "{\"receipt\":\"" + receipt + "\"}")
                        .statusCode());
            }
            return statuses;
        });
        List<Integer> all = parallel(tasks).stream().flatMap(List::stream).toList();

        List<Integer> victimsAnswers =
                all.stream().filter(s -> s < 0).map(s -> -s).toList();
        List<Integer> floodAnswers = all.stream().filter(s -> s > 0).toList();
        assertThat(victimsAnswers).isNotEmpty().containsOnly(200);
        assertThat(floodAnswers).hasSize(80).containsOnly(404, 429);
        assertThat(floodAnswers.stream().filter(s -> s == 404).count())
                .as("two clients evaluate at most their two budgets")
                .isLessThanOrEqualTo(20);

        // The shared budgets are spent: a client that failed before now waits...
        assertThat(lookup(probe, randomReceipt(randomLookupId())).statusCode()).isEqualTo(429);
        // ...but the victim, whose receipt is right, still gets in, through the API and the page.
        assertThat(victim.postJson(LOOKUP, "{\"receipt\":\"" + receipt + "\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> form = victim.get("/opvolgen");
        String session = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("VANGNET_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> page = victim.post(
                "/opvolgen",
                "application/x-www-form-urlencoded",
                "receipt=" + receipt + "&_csrf=" + token.group(1),
                Map.of("Cookie", session));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/opvolgen/verzoek");
    }
}
