package nl.vangnet.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vangnet.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the throughput limit of saving help requests lies, and what clients see past it: for each
 * number of concurrent clients, a closed-loop run of {@code bench.seconds} against the packaged
 * application on its embedded default (fresh data directory), reporting acknowledged requests per
 * second, the answers by status, and latency percentiles. With {@code -Dbench.baseline.jar=...}
 * (e.g. the previous release's jar, built from a checkout of that commit) the same runs go against
 * it, alternating baseline and current per concurrency level, in the same invocation.
 *
 * <p>Not a test: it asserts nothing about speed and is not run by {@code ./mvnw verify}. Command:
 * {@code ./mvnw -pl app verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=HelpRequestLoadBenchmark -Dbench.clients=10,50,200,1000 -Dbench.seconds=30
 * [-Dbench.baseline.jar=target/baseline/vangnet.jar]}. Rows go to {@code target/load-benchmark.md}.
 */
class HelpRequestLoadBenchmark {

    @Test
    void saveHelpRequestsAtRisingConcurrency(@TempDir Path temp) throws Exception {
        List<Integer> levels = new ArrayList<>();
        for (String c : System.getProperty("bench.clients", "10,50,200").split(",")) {
            levels.add(Integer.parseInt(c.trim()));
        }
        Duration length = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        String baseline = System.getProperty("bench.baseline.jar");
        List<String> rows = new ArrayList<>();
        rows.add("| build | clients | acknowledged/s | answers | p50 ms | p99 ms | load average |");
        rows.add("|---|---|---|---|---|---|---|");
        int run = 0;
        for (int clients : levels) {
            if (baseline != null) {
                rows.add(measure("baseline", Path.of(baseline), temp.resolve("b" + run), clients, length));
            }
            rows.add(measure("current", null, temp.resolve("c" + run), clients, length));
            run++;
        }
        Path out = Path.of("target", "load-benchmark.md");
        Files.writeString(
                out,
                String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        rows.forEach(r -> System.out.println("HelpRequestLoadBenchmark " + r));
    }

    private static String measure(String label, Path jar, Path dataDir, int clients, Duration length) throws Exception {
        AppProcess.Builder builder = AppProcess.on(dataDir).jvmArg("-Xmx1g");
        if (jar != null) {
            builder.jar(jar);
        }
        try (AppProcess app = builder.start().awaitHealthy()) {
            warmUp(app.baseUri());
            long started = System.nanoTime();
            HelpRequestTraffic traffic = new HelpRequestTraffic(app.baseUri());
            traffic.start(clients, length, Long.MAX_VALUE);
            Thread.sleep(length.toMillis());
            traffic.close();
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<Integer, Long> statuses = traffic.statuses();
            double perSecond = traffic.acknowledged().size() / seconds;
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            return String.format(
                    "| %s | %d | %.1f | %s | %.0f | %.0f | %s |",
                    label,
                    clients,
                    perSecond,
                    statuses,
                    traffic.latencyMillis(0.50),
                    traffic.latencyMillis(0.99),
                    load);
        }
    }

    private static void warmUp(URI base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            http.send(HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.discarding());
        }
    }
}
