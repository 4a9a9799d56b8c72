package nl.vangnet.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the help portal, under {@code vangnet.intake}.
 *
 * @param receiptHash Argon2id cost of receipt and passphrase hashes (see docs/adr/0030)
 * @param lookup throttling of receipt look-ups
 * @param notification opt-in e-mail notifications of replies (docs/adr/0038)
 */
@ConfigurationProperties("vangnet.intake")
public record IntakeProperties(ReceiptHash receiptHash, Lookup lookup, Notification notification) {

    public IntakeProperties {
        if (notification == null) {
            notification = new Notification(null, true, null, null, null, null, null);
        }
        if (receiptHash == null) {
            receiptHash = new ReceiptHash(0, 0, 0, 0);
        }
        if (lookup == null) {
            lookup = new Lookup(0, 0, null, null, null, 0);
        }
    }

    /**
     * @param memoryKib memory per hash in KiB
     * @param iterations passes over the memory
     * @param parallelism lanes
     * @param maxConcurrent how many hashes may run at once (bounds memory and CPU under load; default: one
     *     per core, since a memory-hard hash keeps a core busy and more at once only makes each slower)
     */
    public record ReceiptHash(int memoryKib, int iterations, int parallelism, int maxConcurrent) {
        public ReceiptHash {
            memoryKib = memoryKib <= 0 ? 12 * 1024 : memoryKib;
            iterations = iterations <= 0 ? 3 : iterations;
            parallelism = parallelism <= 0 ? 1 : parallelism;
            maxConcurrent = maxConcurrent <= 0 ? Runtime.getRuntime().availableProcessors() : maxConcurrent;
        }
    }

    /**
     * @param maxFailuresPerClient failed look-ups from one client within the window before it waits
     * @param maxFailuresGlobal failed look-ups from everyone within the global window before all wait
     * @param window how long a client's failures count
     * @param globalWindow how long failures count towards the global limit
     * @param lockout how long a client (or a look-up number) waits once over its limit
     * @param maxFailuresPerReceipt failed look-ups of one look-up number within the window before
     *     clients that already failed must wait for it (a client's first attempt still goes through)
     */
    public record Lookup(
            int maxFailuresPerClient,
            int maxFailuresGlobal,
            Duration window,
            Duration globalWindow,
            Duration lockout,
            int maxFailuresPerReceipt) {
        public Lookup {
            maxFailuresPerClient = maxFailuresPerClient <= 0 ? 10 : maxFailuresPerClient;
            maxFailuresGlobal = maxFailuresGlobal <= 0 ? 300 : maxFailuresGlobal;
            window = window == null ? Duration.ofMinutes(15) : window;
            globalWindow = globalWindow == null ? Duration.ofMinutes(1) : globalWindow;
            lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
            maxFailuresPerReceipt = maxFailuresPerReceipt <= 0 ? 10 : maxFailuresPerReceipt;
        }
    }

    /**
     * @param from the sender address of notifications: choose one on a neutral domain that says
     *     nothing about help or violence (the display name comes from the message bundle)
     * @param enabled whether the outbox is delivered on a schedule (tests switch it off)
     * @param interval how often the outbox is looked at
     * @param retryInitial the wait after the first failed attempt, doubled per failure
     * @param retryMax the longest wait between attempts
     * @param giveUpAfter a notification that could not be delivered this long after it was written is dropped
     * @param lease how long an attempt keeps a notification from other attempts (after a crash
     *     mid-attempt, delivery resumes this long after)
     */
    public record Notification(
            String from,
            Boolean enabled,
            Duration interval,
            Duration retryInitial,
            Duration retryMax,
            Duration giveUpAfter,
            Duration lease) {
        public Notification {
            from = from == null || from.isBlank() ? "no-reply@berichten.invalid" : from.strip();
            // A wrapper, so that setting any other notification property keeps delivery on.
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofSeconds(30) : interval;
            retryInitial = retryInitial == null ? Duration.ofMinutes(1) : retryInitial;
            retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
            giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
        }
    }
}
