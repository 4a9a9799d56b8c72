package nl.vangnet.intake;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashes of receipt secrets and passphrases (BouncyCastle). The parameters are stored
 * with every hash, so they can be raised later without losing old receipts. A semaphore bounds
 * how many hashes run at once: each takes {@code memoryKib} of memory, and a burst of requests
 * must not exhaust the heap.
 */
@Component
class SecretHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a hash may wait for a slot; longer waits answer "busy" instead of piling up. */
    private static final long SLOT_WAIT_SECONDS = 15;

    private final IntakeProperties.ReceiptHash settings;
    private final Semaphore permits;
    /** Hashed when no row matches, so a miss costs as much time as a wrong secret. */
    private final Hash dummy;
    /** Verifications computed (right, wrong or dummy): what a guessing attack costs the server. */
    private final LongAdder verifications = new LongAdder();

    SecretHasher(IntakeProperties properties) {
        this.settings = properties.receiptHash();
        this.permits = new Semaphore(settings.maxConcurrent(), true);
        this.dummy = hash("000000000000");
    }

    /** Publishes the verification count as {@code vangnet.intake.receipt.verifications}. */
    @Autowired(required = false)
    void registerMetrics(MeterRegistry registry) {
        FunctionCounter.builder("vangnet.intake.receipt.verifications", verifications, LongAdder::sum)
                .description("Argon2id verifications of receipt secrets and passphrases")
                .register(registry);
    }

    long verifications() {
        return verifications.sum();
    }

    /** A hash with its salt and parameters, as stored. */
    record Hash(byte[] salt, byte[] value, String parameters) {}

    Hash hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        String parameters = "argon2id;v=19;m=" + settings.memoryKib() + ";t=" + settings.iterations() + ";p="
                + settings.parallelism();
        return new Hash(salt, compute(secret, salt, parameters), parameters);
    }

    boolean matches(String secret, Hash stored) {
        verifications.increment();
        byte[] computed = compute(secret, stored.salt(), stored.parameters());
        return MessageDigest.isEqual(computed, stored.value());
    }

    /** Spends the time of one verification without a stored hash: used when nothing matched. */
    void burnOneVerification(String secret) {
        matches(secret, dummy);
    }

    String parameters() {
        return "argon2id;v=19;m=" + settings.memoryKib() + ";t=" + settings.iterations() + ";p="
                + settings.parallelism();
    }

    /** A hashing slot, or false when none came free in time (the caller answers "busy"). */
    private boolean acquire() {
        try {
            return permits.tryAcquire(SLOT_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private byte[] compute(String secret, byte[] salt, String parameters) {
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String part : parameters.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "m" -> memory = Integer.parseInt(kv[1]);
                    case "t" -> iterations = Integer.parseInt(kv[1]);
                    case "p" -> parallelism = Integer.parseInt(kv[1]);
                    default -> {
                        // version and algorithm name need no value here
                    }
                }
            }
        }
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[HASH_BYTES];
        if (!acquire()) {
            throw new nl.vangnet.shared.Busy("no free hashing slot in time");
        }
        try {
            generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            permits.release();
        }
        return out;
    }
}
