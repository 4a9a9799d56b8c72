package nl.vangnet.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.vangnet.shared.AttemptBudget;
import nl.vangnet.shared.ClientKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Slows down receipt guessing with three budgets of failed look-ups (docs/adr/0034): per client,
 * per receipt look-up number, and for everyone together. A look-up reserves its attempt in all of
 * them in one step <em>before</em> the Argon2id verification, so parallel requests cannot
 * overshoot a limit; the outcome then confirms the failure or gives the reservation back (a
 * correct receipt consumes nothing).
 *
 * <p>The per-receipt and global budgets only refuse clients that are already suspect (a failure
 * within their window, or another look-up still running): a client's first attempt is always
 * evaluated, so no flood from elsewhere can lock out a victim who types their receipt correctly.
 * Clients and look-up numbers are keyed hashes under a key that exists only in memory, so no IP
 * address or look-up number is stored.
 */
@Component
class LookupThrottle {

    private static final String EVERYONE = "*";

    private final Clock clock;
    private final ClientKeys keys;
    private final AttemptBudget clients;
    private final AttemptBudget receipts;
    private final AttemptBudget global;
    private final Counter admitted;
    private final Counter refused;

    LookupThrottle(Clock clock, IntakeProperties properties, ClientKeys keys, MeterRegistry meters) {
        this.clock = clock;
        this.keys = keys;
        IntakeProperties.Lookup settings = properties.lookup();
        this.clients =
                new AttemptBudget(settings.maxFailuresPerClient(), settings.window(), settings.lockout(), 10_000);
        this.receipts =
                new AttemptBudget(settings.maxFailuresPerReceipt(), settings.window(), settings.lockout(), 10_000);
        this.global = new AttemptBudget(settings.maxFailuresGlobal(), settings.globalWindow(), Duration.ZERO, 1);
        this.admitted = Counter.builder("vangnet.intake.lookup.admitted")
                .description("Receipt look-ups let through to the Argon2id verification")
                .register(meters);
        this.refused = Counter.builder("vangnet.intake.lookup.refused")
                .description("Receipt look-ups refused by a throttle before any hashing")
                .register(meters);
    }

    /** Either a ticket to evaluate one look-up, or how long to wait. */
    record Admission(@Nullable Ticket ticket, Duration retryAfter) {
        boolean admitted() {
            return ticket != null;
        }
    }

    /**
     * Reserves one look-up of this look-up number by this client, or says how long to wait.
     * Nothing expensive may happen before this; the ticket must be closed afterwards.
     */
    Admission admit(String clientAddress, String lookupId) {
        Instant now = clock.instant();
        String client = keys.client(clientAddress);
        String receipt = "r:" + keys.hash("receipt-lookup:" + lookupId);
        synchronized (this) {
            boolean firstAttempt = clients.isClean(client, now);
            Duration wait = clients.reserve(client, now);
            if (!wait.isZero()) {
                return refuse(wait);
            }
            if (firstAttempt) {
                receipts.reserveAnyway(receipt, now);
                global.reserveAnyway(EVERYONE, now);
            } else {
                wait = receipts.reserve(receipt, now);
                if (!wait.isZero()) {
                    clients.released(client);
                    return refuse(wait);
                }
                wait = global.reserve(EVERYONE, now);
                if (!wait.isZero()) {
                    clients.released(client);
                    receipts.released(receipt);
                    return refuse(wait);
                }
            }
        }
        admitted.increment();
        return new Admission(new Ticket(client, receipt), Duration.ZERO);
    }

    private Admission refuse(Duration wait) {
        refused.increment();
        return new Admission(null, wait);
    }

    /** One admitted look-up. Exactly one of its methods counts; later calls do nothing. */
    final class Ticket implements AutoCloseable {
        private final String client;
        private final String receipt;
        private boolean done;

        private Ticket(String client, String receipt) {
            this.client = client;
            this.receipt = receipt;
        }

        /** The receipt was wrong (or unknown): the failure counts in every budget. */
        void failed() {
            Instant now = clock.instant();
            synchronized (LookupThrottle.this) {
                if (done) {
                    return;
                }
                done = true;
                clients.failed(client, now);
                receipts.failed(receipt, now);
                global.failed(EVERYONE, now);
            }
        }

        /**
         * The receipt was right, or the look-up never got to an answer: nothing counts. Earlier
         * failures of the client stay, so looking up one's own receipt between guesses buys nothing.
         */
        @Override
        public void close() {
            synchronized (LookupThrottle.this) {
                if (done) {
                    return;
                }
                done = true;
                clients.released(client);
                receipts.released(receipt);
                global.released(EVERYONE);
            }
        }
    }
}
