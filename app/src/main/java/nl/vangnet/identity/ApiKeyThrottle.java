package nl.vangnet.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import nl.vangnet.shared.AttemptBudget;
import nl.vangnet.shared.ClientKeys;
import nl.vangnet.shared.VangnetProperties;
import org.springframework.stereotype.Component;

/**
 * Bounds how many wrong API keys (malformed, unknown or revoked) one client may present: each
 * presented key reserves an attempt before it is checked, so a parallel flood costs at most the
 * budget in look-ups, and a client over its budget gets 429 with Retry-After for every key until
 * the lock ends. Other clients are not affected (docs/adr/0034). Clients are keyed hashes of the
 * address (no IP is stored).
 */
@Component
class ApiKeyThrottle {

    private final Clock clock;
    private final ClientKeys keys;
    private final AttemptBudget clients;
    private final Counter checked;

    ApiKeyThrottle(Clock clock, VangnetProperties properties, ClientKeys keys, MeterRegistry meters) {
        this.clock = clock;
        this.keys = keys;
        VangnetProperties.ApiKeys settings = properties.apiKeys();
        this.clients = new AttemptBudget(settings.maxFailuresPerClient(), settings.window(), settings.lockout(), 1_000);
        this.checked = Counter.builder("vangnet.identity.api-key.checks")
                .description("Presented API keys that were checked against the stored keys")
                .register(meters);
    }

    /** An admitted check: report whether the key was good. */
    interface Attempt {
        void good();

        void bad();
    }

    /** How long the client must wait (nothing reserved), or zero and the attempt to report on. */
    record Admission(Duration retryAfter, Attempt attempt) {}

    Admission admit(String remoteAddress) {
        String client = keys.client(remoteAddress);
        Duration wait = clients.reserve(client, clock.instant());
        if (!wait.isZero()) {
            return new Admission(wait, NOTHING);
        }
        checked.increment();
        return new Admission(Duration.ZERO, new Attempt() {
            @Override
            public void good() {
                clients.released(client);
            }

            @Override
            public void bad() {
                clients.failed(client, clock.instant());
            }
        });
    }

    private static final Attempt NOTHING = new Attempt() {
        @Override
        public void good() {}

        @Override
        public void bad() {}
    };
}
