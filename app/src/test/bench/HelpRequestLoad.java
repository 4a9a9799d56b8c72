import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop load generator for POST /api/v1/help-requests (JDK HttpClient, virtual
 * threads, loopback only). Each of N workers sends the next request as soon as its previous one
 * is answered, until the request budget or the time budget is used up; the first requests are a
 * warm-up and are not counted. Run with JDK 25 as a single-file program (no build needed):
 *
 * <pre>
 * java app/src/test/bench/HelpRequestLoad.java http://127.0.0.1:8080 8 2000 60 100
 *      (base URL, workers, max requests, max seconds, warm-up requests)
 * </pre>
 *
 * Only for a Vangnet you started yourself on this machine: it refuses any host but loopback.
 */
public class HelpRequestLoad {

    static final String BODY = """
            {"language":"nl","happeningNow":"ongoing","happened":["threatened","shared"],"demand":["money"],\
            "imagesOnline":"yes","urls":["https://voorbeeld.example.org/bericht/123"],"platforms":["instagram"],\
            "ageBand":"16-17","otherPerson":"online-only-contact","needs":["remove-images","stop-threats"],\
            "barriers":["shame"],"told":["nobody"],"askProfessional":true,"shareWith":["helpwanted"]}""";

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int maxRequests = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int maxSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        String host = URI.create(base).getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("Only loopback targets are allowed: " + host);
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/help-requests"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();

        AtomicInteger issued = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        long[] measuredStart = {0};
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                executor.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        int n = issued.incrementAndGet();
                        if (n > maxRequests + warmup) {
                            return null;
                        }
                        if (n == warmup + 1) {
                            measuredStart[0] = System.nanoTime();
                        }
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long elapsed = System.nanoTime() - t0;
                        if (n > warmup) {
                            latencies.add(elapsed);
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        long end = System.nanoTime();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("No measured requests (warm-up " + warmup + " not exceeded).");
            return;
        }
        double seconds = (end - (measuredStart[0] == 0 ? start : measuredStart[0])) / 1e9;
        System.out.printf(
                "workers=%d measured=%d in %.1f s -> %.1f requests/s%n", workers, sorted.size(), seconds, sorted.size() / seconds);
        System.out.printf(
                "latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.getLast() / 1e6);
        System.out.println("statuses: " + new TreeMap<>(statuses));
    }

    private static double pct(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
