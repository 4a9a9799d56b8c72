package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.vangnet.MovableClock;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (the name matches neither Surefire's nor Failsafe's patterns, so it only
 * runs when asked for): re-checks 10,000 URLs against a local server and reports throughput and
 * heap. Run with
 *
 * <pre>
 * ./mvnw -B -pl app verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=TakedownRecheckBench -Dtakedown.bench.concurrency=32
 * </pre>
 *
 * Results go to stdout and to {@code app/target/takedown-recheck-bench.txt}. Three scenarios: a
 * host answering at once (status code only), a host answering after 50 ms (what bounded
 * concurrency buys), and the same host serving a 256×256 PNG that is decoded and PDQ-hashed in
 * memory for every check.
 */
@VangnetIntegrationTest
@Import(TakedownTestConfiguration.class)
class TakedownRecheckBench {

    private static final int URLS = Integer.getInteger("takedown.bench.urls", 10_000);
    private static final byte[] IMAGE = TestImages.png(1);
    private static volatile long delayMillis;
    private static final LocalHttp HOST = new LocalHttp().handle("/img/", e -> {
        long delay = delayMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
        LocalHttp.send(e, 200, "image/png", IMAGE);
    });

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("vangnet.takedown.jobs.enabled", () -> "false");
        registry.add("vangnet.takedown.fetch.allow-loopback", () -> "true");
        registry.add(
                "vangnet.takedown.recheck-concurrency", () -> System.getProperty("takedown.bench.concurrency", "32"));
    }

    @AfterAll
    static void stop() {
        HOST.close();
    }

    @Autowired
    Takedowns takedowns;

    @Autowired
    CaseKeys keys;

    @Autowired
    CaseHashes hashes;

    @Autowired
    Rechecks rechecks;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TakedownProperties properties;

    private final List<String> report = new ArrayList<>();

    /** Creates {@code URLS} requests spread over 100 cases, all due for a check now. */
    private List<CaseRef> seed(String label) throws TakedownUrl.Invalid {
        List<CaseRef> cases = new ArrayList<>();
        Instant now = clock.instant();
        HostContact contact = HostContact.unknown("no-abuse-contact");
        for (int c = 0; c < 100; c++) {
            cases.add(new CaseRef(UUID.randomUUID()));
        }
        for (int i = 0; i < URLS; i++) {
            CaseRef caseRef = cases.get(i % cases.size());
            TakedownUrl url = TakedownUrl.parse(
                    "http://bench-" + (i % 50) + ".test:" + HOST.port() + "/img/" + label + "/" + i + ".png");
            TakedownRequestId id = TakedownRequestId.random();
            takedowns.insert(
                    new TakedownRequest(
                            id,
                            caseRef,
                            null,
                            UUID.randomUUID(),
                            keys.encrypt(caseRef, url.ascii(), TakedownRequest.urlContext(id)),
                            url.host(),
                            url.hostDisplay(),
                            "IBA-DIS",
                            "1",
                            false,
                            null,
                            contact,
                            TakedownStatus.SENT,
                            now,
                            "bench",
                            null,
                            now,
                            now.plusSeconds(86_400),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            now),
                    TakedownDesk.urlKey(caseRef, url));
        }
        return cases;
    }

    private void run(String scenario, long delay) {
        delayMillis = delay;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Rechecks.Round round = rechecks.recheckDue();
        sampler.interrupt();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        double seconds = round.took().toNanos() / 1e9;
        String line = String.format(
                Locale.ROOT,
                "%-28s %6d URLs  %7.2f s  %7.0f checks/s  heap before %4d MB, peak %4d MB, after GC %4d MB"
                        + "  (concurrency %d, max heap %d MB, %d cores)",
                scenario,
                round.checked(),
                seconds,
                round.checked() / seconds,
                before >> 20,
                peak.get() >> 20,
                after >> 20,
                properties.recheckConcurrency(),
                memory.getHeapMemoryUsage().getMax() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.println("[takedown-bench] " + line);
        report.add(line);
        assertThat(round.checked()).isEqualTo(URLS);
        assertThat(jdbc.sql("SELECT count(*) FROM takedown.request WHERE last_checked_at IS NULL")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void recheckTenThousandUrls() throws Exception {
        // Warm-up: JIT, connection pool, TLS-free HTTP path.
        List<CaseRef> warm = seedSmall();
        rechecks.recheckDue();
        jdbc.sql("DELETE FROM takedown.request").update();
        assertThat(warm).isNotEmpty();

        seed("status");
        run("status only, instant host", 0);
        jdbc.sql("DELETE FROM takedown.request").update();

        seed("latency");
        run("status only, 50 ms host", 50);
        jdbc.sql("DELETE FROM takedown.request").update();

        List<CaseRef> cases = seed("pdq");
        for (CaseRef c : cases) {
            hashes.add(c, List.of(TestImages.hash(IMAGE)), "bench");
        }
        run("image + PDQ in memory", 0);
        assertThat(jdbc.sql("SELECT count(*) FROM takedown.request WHERE last_check_outcome = 'ONLINE_MATCH'")
                        .query(Long.class)
                        .single())
                .isEqualTo(URLS);

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "takedown-recheck-bench.txt"), report);
    }

    private List<CaseRef> seedSmall() throws TakedownUrl.Invalid, IOException {
        CaseRef caseRef = new CaseRef(UUID.randomUUID());
        Instant now = clock.instant();
        for (int i = 0; i < 500; i++) {
            TakedownUrl url = TakedownUrl.parse("http://warm.test:" + HOST.port() + "/img/w/" + i + ".png");
            TakedownRequestId id = TakedownRequestId.random();
            takedowns.insert(
                    new TakedownRequest(
                            id,
                            caseRef,
                            null,
                            UUID.randomUUID(),
                            keys.encrypt(caseRef, url.ascii(), TakedownRequest.urlContext(id)),
                            url.host(),
                            url.hostDisplay(),
                            "IBA-DIS",
                            "1",
                            false,
                            null,
                            HostContact.unknown("x"),
                            TakedownStatus.SENT,
                            now,
                            "bench",
                            null,
                            now,
                            now.plusSeconds(86_400),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            now),
                    TakedownDesk.urlKey(caseRef, url));
        }
        clock.advance(Duration.ZERO);
        return List.of(caseRef);
    }
}
