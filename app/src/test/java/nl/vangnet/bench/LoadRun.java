package nl.vangnet.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A small closed-loop load generator for loopback benchmarks: N virtual-thread clients send
 * requests back to back for a fixed time (bounded in count and duration, it stops by itself) and
 * the run reports throughput and latency percentiles. Not a test: nothing here asserts speed.
 */
public final class LoadRun {

    /** The outcome of one run. */
    public record Result(
            long requests, long errors, double seconds, double perSecond, double p50, double p99, double max) {
        public String row(String label) {
            return String.format(
                    "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f |", label, requests, errors, perSecond, p50, p99, max);
        }
    }

    private LoadRun() {}

    public static Result run(int clients, Duration duration, long maxRequests, IntFunction<HttpRequest> requests)
            throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                executor.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long n = sent.getAndIncrement();
                        if (n >= maxRequests) {
                            return null;
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<String> response =
                                http.send(requests.apply((int) n), HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t0);
                        if (response.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(
                sorted.size(),
                errors.get(),
                seconds,
                sorted.size() / seconds,
                millis(sorted, 0.50),
                millis(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
    }

    private static double millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
