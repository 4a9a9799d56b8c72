package nl.vangnet.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much work Vangnet takes on at once, under {@code vangnet.load.}. Sized for the two cores of
 * the reference machine: more requests in flight than connections and cores only make every
 * request slower and, past the pool's patience, fail. See docs/adr/0016-back-pressure.md.
 *
 * @param maxConcurrent requests that may be worked on at the same time (static files excepted)
 * @param maxWait how long a request may wait for its turn before it gets the calm "busy" answer
 * @param maxQueued requests that may wait at once; more get the "busy" answer straight away
 * @param retryAfter what the "busy" answer tells the client to wait before trying again
 * @param listenerThreads threads that run the modules' event listeners (the hand-overs)
 */
@ConfigurationProperties("vangnet.load")
public record LoadProperties(
        int maxConcurrent, Duration maxWait, int maxQueued, Duration retryAfter, int listenerThreads) {

    public LoadProperties {
        if (maxConcurrent <= 0) {
            maxConcurrent = 8;
        }
        if (maxWait == null || maxWait.isNegative()) {
            maxWait = Duration.ofSeconds(15);
        }
        if (maxQueued <= 0) {
            maxQueued = 1000;
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            retryAfter = Duration.ofSeconds(60);
        }
        if (listenerThreads <= 0) {
            listenerThreads = 3;
        }
    }
}
