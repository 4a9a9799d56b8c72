package nl.vangnet.identity;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per API client: up to its requests-per-minute at once, refilled continuously.
 * Kept in memory per application instance; with N replicas a client gets at most N times its rate,
 * which is acceptable for abuse protection and avoids a database write per request.
 */
@Component
class ApiRateLimiter {

    private final Clock clock;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    ApiRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Zero when the request may go ahead, else the seconds to wait. */
    long acquire(ApiClient client) {
        Bucket bucket =
                buckets.computeIfAbsent(client.id(), id -> new Bucket(client.requestsPerMinute(), clock.millis()));
        return bucket.take(client.requestsPerMinute(), clock.millis());
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        synchronized long take(int perMinute, long now) {
            double refill = (now - last) * perMinute / 60_000.0;
            tokens = Math.min(perMinute, tokens + Math.max(0, refill));
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missing = 1 - tokens;
            return (long) Math.ceil(missing * 60.0 / perMinute);
        }
    }
}
