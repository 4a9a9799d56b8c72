package nl.vangnet.survey;

import static nl.vangnet.survey.FormClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load benchmark, not part of the normal build (the name matches neither Surefire nor Failsafe):
 * N concurrent respondents (default 1,000, virtual threads, JDK HttpClient over loopback) each
 * open a class link, consent, fill in the help-seeking questionnaire page by page and then all
 * press Send at once. Reports throughput and latency percentiles and checks that no answer was
 * lost (responses counted before and after). Bounded: every request times out after 120 s and
 * the whole run after {@code survey.load.seconds} (default 300 s). Run with
 *
 * <pre>./mvnw -B -pl app verify -Dit.test=SurveyLoadBenchmark -Dtest=NONE \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true</pre>
 *
 * and {@code -Dsurvey.load.respondents=N} to change the number. Results go to stdout and
 * {@code target/survey-load-benchmark.txt}.
 */
@VangnetIntegrationTest
class SurveyLoadBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    CampaignManagement management;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thousandConcurrentRespondentsSubmitWithoutLosingAnAnswer() throws Exception {
        int respondents = Integer.getInteger("survey.load.respondents", 1000);
        long budgetSeconds = Long.getLong("survey.load.seconds", 300);
        Campaign campaign =
                SurveyFixtures.campaign(management, "help-seeking/1", ParentalConsent.UNDER_16_EXCLUDED, false);
        String token = SurveyFixtures.link(management, campaign, "Benchmark klas", false);
        String base = "http://127.0.0.1:" + port;
        int before = count(campaign);

        // Warm up the server paths once so the first requests do not measure class loading.
        FormClient warm = new FormClient(base, "nl-NL");
        SurveyIT.fillHelpSeeking(warm, token, 3, "20");

        ConcurrentLinkedQueue<Long> pageMillis = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> sendMillis = new ConcurrentLinkedQueue<>();
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(respondents);
        CountDownLatch go = new CountDownLatch(1);
        long fillStart = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        long sendStart;
        long sendEnd;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < respondents; i++) {
                int n = i;
                running.add(threads.submit(() -> {
                    boolean counted = false;
                    try {
                        FormClient client = new FormClient(base, n % 2 == 0 ? "nl-NL" : "en");
                        timed(pageMillis, () -> client.get("/vragenlijst/" + token));
                        timed(
                                pageMillis,
                                () -> client.post(
                                        "/vragenlijst/" + token + "/start", fields("age", "16plus", "consent", "yes")));
                        timed(
                                pageMillis,
                                () -> client.post(
                                        "/vragenlijst/" + token + "/page",
                                        fields(
                                                "action",
                                                "next",
                                                "a_hs_int_friends",
                                                String.valueOf(1 + n % 7),
                                                "a_hs_int_parents",
                                                String.valueOf(1 + (n / 7) % 7),
                                                "a_hs_int_hotline",
                                                "5")));
                        timed(
                                pageMillis,
                                () -> client.post(
                                        "/vragenlijst/" + token + "/page",
                                        fields("action", "next", "a_hs_exp", String.valueOf(1 + n % 4))));
                        if (n % 4 < 2) {
                            timed(
                                    pageMillis,
                                    () -> client.post(
                                            "/vragenlijst/" + token + "/page",
                                            fields("action", "next", "a_hs_act", String.valueOf(1 + n % 8))));
                            timed(
                                    pageMillis,
                                    () -> client.post(
                                            "/vragenlijst/" + token + "/page",
                                            fields(
                                                    "action",
                                                    "next",
                                                    "a_hs_helpful",
                                                    "3",
                                                    "a_hs_easier",
                                                    "Meer uitleg")));
                        }
                        HttpResponse<String> sendPage = timed(
                                pageMillis,
                                () -> client.post(
                                        "/vragenlijst/" + token + "/page",
                                        fields("action", "next", "a_hs_age", String.valueOf(12 + n % 30))));
                        if (!sendPage.body().contains("name=\"state\"")) {
                            failed.incrementAndGet();
                            return;
                        }
                        ready.countDown();
                        counted = true;
                        go.await();
                        HttpResponse<String> done = timed(
                                sendMillis,
                                () -> client.post("/vragenlijst/" + token + "/page", fields("action", "send")));
                        if (done.statusCode() == 200) {
                            stored.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    } finally {
                        if (!counted) {
                            ready.countDown();
                        }
                    }
                }));
            }
            boolean allReady = ready.await(budgetSeconds, TimeUnit.SECONDS);
            sendStart = System.nanoTime();
            go.countDown();
            for (Future<?> f : running) {
                f.get(Math.max(1, budgetSeconds - elapsedSeconds(fillStart)), TimeUnit.SECONDS);
            }
            sendEnd = System.nanoTime();
            assertThat(allReady)
                    .as("all respondents reached the send page in time")
                    .isTrue();
        }
        int after = count(campaign);

        List<Long> pages = sorted(pageMillis);
        List<Long> sends = sorted(sendMillis);
        double fillSeconds = (sendStart - fillStart) / 1e9;
        double sendSeconds = (sendEnd - sendStart) / 1e9;
        String report = String.format(
                Locale.ROOT,
                """
                Survey load benchmark (%d concurrent respondents, help-seeking/1, loopback, %d cores, JDK %s)
                  page requests before sending: %d in %.1f s = %.0f requests/s; p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
                  simultaneous sends: %d in %.2f s = %.0f submissions/s; p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
                  responses before: %d, after: %d, stored (HTTP 200): %d, failed: %d
                """,
                respondents,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                pages.size(),
                fillSeconds,
                pages.size() / fillSeconds,
                pct(pages, 50),
                pct(pages, 95),
                pct(pages, 99),
                pct(pages, 100),
                sends.size(),
                sendSeconds,
                sends.size() / sendSeconds,
                pct(sends, 50),
                pct(sends, 95),
                pct(sends, 99),
                pct(sends, 100),
                before,
                after,
                stored.get(),
                failed.get());
        System.out.println(report);
        Files.writeString(Path.of("target", "survey-load-benchmark.txt"), report);

        assertThat(failed.get()).isZero();
        assertThat(after - before).as("no answer lost").isEqualTo(respondents).isEqualTo(stored.get());
    }

    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    static HttpResponse<String> timed(ConcurrentLinkedQueue<Long> into, Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.run();
        into.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return response;
    }

    static List<Long> sorted(ConcurrentLinkedQueue<Long> values) {
        List<Long> list = new ArrayList<>(values);
        Collections.sort(list);
        return list;
    }

    static long pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static long elapsedSeconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    private int count(Campaign campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM survey.response WHERE campaign_id = :c")
                .param("c", campaign.id().value())
                .query(Integer.class)
                .single();
    }
}
