package nl.vangnet.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic victims for crash and overload runs: closed-loop clients that save help requests
 * through the public API on loopback, half of them asking for a professional, and remember every
 * receipt the application acknowledged (HTTP 201 with a receipt in the body). Bounded in time and
 * count; stops by itself. Connection failures while the application is down are counted, not
 * thrown, so a run can go on across a kill and a restart.
 */
public final class HelpRequestTraffic implements AutoCloseable {

    /** One acknowledged help request: what the victim was shown. */
    public record Acknowledged(String receipt, boolean askedProfessional) {}

    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9 ]+)\"");

    private final HttpClient http;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong connectionFailures = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private volatile URI base;

    public HelpRequestTraffic(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Points the clients at a restarted application (its port may differ). */
    public void retarget(URI base) {
        this.base = base;
    }

    /** Starts {@code count} clients that send until {@link #stop()}, the deadline or {@code maxRequests}. */
    public void start(int count, Duration maxDuration, long maxRequests) {
        long deadline = System.nanoTime() + maxDuration.toNanos();
        for (int c = 0; c < count; c++) {
            clients.submit(() -> {
                while (running.get() && System.nanoTime() < deadline) {
                    long n = sent.getAndIncrement();
                    if (n >= maxRequests) {
                        return null;
                    }
                    sendOne(n % 2 == 0);
                }
                return null;
            });
        }
    }

    private void sendOne(boolean askProfessional) {
        String body = """
                {"language":"nl","happeningNow":"ongoing","happened":["threatened"],"demand":["money"],\
                "imagesOnline":"unsure","ageBand":"16-17","otherPerson":"online-only-contact",\
                "needs":["stop-threats"],"askProfessional":%s,"contact":"","shareWith":[],"passphrase":""}""".formatted(askProfessional);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/help-requests"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t0);
            statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong())
                    .incrementAndGet();
            if (response.statusCode() == 201) {
                Matcher m = RECEIPT.matcher(response.body());
                if (m.find()) {
                    acknowledged.add(new Acknowledged(m.group(1), askProfessional));
                }
            } else if (response.statusCode() == 503) {
                sleepQuietly(Duration.ofMillis(500));
            }
        } catch (java.io.IOException e) {
            // The application is down (killed, restarting): not acknowledged, so nothing was promised.
            connectionFailures.incrementAndGet();
            sleepQuietly(Duration.ofMillis(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        running.set(false);
    }

    public List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** How many responses came back with each HTTP status. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new java.util.TreeMap<>();
        statuses.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public long serverErrors() {
        return statuses().entrySet().stream()
                .filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** A latency percentile in milliseconds over every answered request. */
    public double latencyMillis(double quantile) {
        List<Long> sorted = new java.util.ArrayList<>(latencies);
        if (sorted.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(quantile * sorted.size()) - 1));
        return sorted.get(index) / 1e6;
    }

    public long connectionFailures() {
        return connectionFailures.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        clients.shutdown();
        if (!clients.awaitTermination(90, java.util.concurrent.TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }
}
