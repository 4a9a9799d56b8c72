package nl.vangnet.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Slows down receipt guessing, per client and for everyone together. Clients are told apart by
 * an HMAC of their address under a key that exists only in memory (new at every start), so no IP
 * address is stored, logged or recoverable. The global limit caps guessing from many addresses
 * at once; its price is that a large attack also makes honest visitors wait a minute, which the
 * page says plainly.
 */
@Component
class LookupThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final IntakeProperties.Lookup settings;
    private final SecretKeySpec key;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();
    private final Deque<Instant> global = new ArrayDeque<>();

    LookupThrottle(Clock clock, IntakeProperties properties) {
        this.clock = clock;
        this.settings = properties.lookup();
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** How long this client must wait before the next look-up; zero when it may go ahead. */
    Duration waitFor(String clientAddress) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        Instant until = lockedUntil.get(client(clientAddress));
        if (until != null && until.isAfter(now)) {
            wait = Duration.between(now, until);
        }
        synchronized (global) {
            prune(global, now.minus(settings.globalWindow()));
            if (global.size() >= settings.maxFailuresGlobal()) {
                Duration globalWait = Duration.between(now, global.peekFirst().plus(settings.globalWindow()));
                if (globalWait.compareTo(wait) > 0) {
                    wait = globalWait;
                }
            }
        }
        return wait;
    }

    void failed(String clientAddress) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            Instant horizon = now.minus(settings.window());
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(horizon);
                }
            });
            lockedUntil.entrySet().removeIf(e -> e.getValue().isBefore(now));
        }
        String client = client(clientAddress);
        Deque<Instant> recent = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now.minus(settings.window()));
            recent.addLast(now);
            if (recent.size() >= settings.maxFailuresPerClient()) {
                lockedUntil.put(client, now.plus(settings.lockout()));
                recent.clear();
            }
        }
        synchronized (global) {
            prune(global, now.minus(settings.globalWindow()));
            global.addLast(now);
            while (global.size() > settings.maxFailuresGlobal()) {
                global.pollFirst();
            }
        }
    }

    private static void prune(Deque<Instant> times, Instant horizon) {
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.pollFirst();
        }
    }

    private String client(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
