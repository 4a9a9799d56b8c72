package nl.vangnet.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.vangnet.shared.VangnetProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: too many failures on one account name, or from one client, within
 * a window lock further attempts for a while. Clients are told apart by a keyed hash of their
 * address with a key that lives only in memory, so no IP address is ever stored or logged.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final VangnetProperties.Login settings;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();
    private final SecretKeySpec clientKey;

    LoginThrottle(Clock clock, VangnetProperties properties) {
        this.clock = clock;
        this.settings = properties.login();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.clientKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** How long until attempts are allowed again, or zero when they are allowed now. */
    Duration waitFor(String username, String clientAddress) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil.get(accountKey(username)), lockedUntil.get(clientKey(clientAddress)));
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    void failed(String username, String clientAddress) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            prune(now);
        }
        count(accountKey(username), settings.maxFailuresPerAccount(), now);
        count(clientKey(clientAddress), settings.maxFailuresPerClient(), now);
    }

    void succeeded(String username) {
        failures.remove(accountKey(username));
        lockedUntil.remove(accountKey(username));
    }

    private void count(String key, int max, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant horizon = now.minus(settings.window());
            while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
                recent.pollFirst();
            }
            recent.addLast(now);
            if (recent.size() >= max) {
                lockedUntil.put(key, now.plus(settings.lockout()));
                recent.clear();
            }
        }
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(settings.window());
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(horizon);
            }
        });
        lockedUntil.entrySet().removeIf(e -> e.getValue().isBefore(now));
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String accountKey(String username) {
        return "account:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private String clientKey(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(clientKey);
            return "client:" + HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
