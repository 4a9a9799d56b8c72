package nl.vangnet.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Failed attempts per key within a sliding window, with attempts <em>reserved</em> before they are
 * evaluated. A reserved attempt counts as a failure until its outcome is known, so any number of
 * parallel requests can never evaluate more than the budget allows: the check and the reservation
 * are one atomic step, the expensive work (a password hash) happens after it, and the outcome then
 * confirms the failure or gives the reservation back.
 *
 * <p>With a lockout, reaching the limit locks the key for that long. Without one (zero), the window
 * simply slides: the key may go on once its oldest failure has left the window.
 *
 * <p>Keys are whatever the caller chooses (keyed hashes, never raw addresses). Entries with nothing
 * left to remember are dropped when the map grows, so memory stays bounded by the keys that still
 * hold failures.
 */
public final class AttemptBudget {

    /** Retry-After while the rest of the budget is held by attempts still being evaluated. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Entry> entries = new HashMap<>();
    private int pruneAt;

    public AttemptBudget(int maxFailures, Duration window, Duration lockout, int expectedKeys) {
        if (maxFailures <= 0 || window.isNegative() || window.isZero() || lockout.isNegative()) {
            throw new IllegalArgumentException("a budget needs a positive limit and window");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.pruneAt = Math.max(16, expectedKeys);
    }

    private static final class Entry {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        int inFlight;

        @Nullable
        Instant lockedUntil;
    }

    /**
     * Reserves one attempt for the key when the budget has room: zero means reserved (report the
     * outcome with {@link #failed} or {@link #released}), anything else is how long to wait and
     * nothing was reserved.
     */
    public synchronized Duration reserve(String key, Instant now) {
        Entry entry = entry(key, now);
        Duration wait = waitOf(entry, now);
        if (wait.isZero()) {
            entry.inFlight++;
        }
        return wait;
    }

    /** Reserves an attempt whatever the budget says: it is still counted, so others see it. */
    public synchronized void reserveAnyway(String key, Instant now) {
        entry(key, now).inFlight++;
    }

    /** The reserved attempt failed: it now counts until it leaves the window (or locks the key). */
    public synchronized void failed(String key, Instant now) {
        Entry entry = entry(key, now);
        entry.inFlight = Math.max(0, entry.inFlight - 1);
        entry.failures.addLast(now);
        if (entry.failures.size() >= maxFailures && !lockout.isZero()) {
            entry.lockedUntil = now.plus(lockout);
            entry.failures.clear();
        }
        while (entry.failures.size() > maxFailures) {
            entry.failures.pollFirst();
        }
    }

    /** The reserved attempt succeeded or was never evaluated: it does not count. */
    public synchronized void released(String key) {
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.inFlight = Math.max(0, entry.inFlight - 1);
        }
    }

    /** How long the key would have to wait now, without reserving anything. */
    public synchronized Duration waitFor(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null ? Duration.ZERO : waitOf(entry, now);
    }

    /** No failure within the window, nothing being evaluated, not locked. */
    public synchronized boolean isClean(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return true;
        }
        prune(entry, now);
        return entry.failures.isEmpty() && entry.inFlight == 0 && entry.lockedUntil == null;
    }

    synchronized int trackedKeys() {
        return entries.size();
    }

    private Entry entry(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            if (entries.size() >= pruneAt) {
                entries.values().removeIf(e -> {
                    prune(e, now);
                    return e.failures.isEmpty() && e.inFlight == 0 && e.lockedUntil == null;
                });
                // Grow the threshold with what is really held, so pruning stays amortised O(1).
                pruneAt = Math.max(pruneAt, 2 * entries.size());
            }
            entry = new Entry();
            entries.put(key, entry);
        }
        return entry;
    }

    private Duration waitOf(Entry entry, Instant now) {
        prune(entry, now);
        if (entry.lockedUntil != null) {
            return Duration.between(now, entry.lockedUntil);
        }
        if (entry.failures.size() + entry.inFlight < maxFailures) {
            return Duration.ZERO;
        }
        if (entry.failures.size() >= maxFailures) {
            Duration wait = Duration.between(now, entry.failures.peekFirst().plus(window));
            return wait.isPositive() ? wait : IN_FLIGHT_WAIT;
        }
        return IN_FLIGHT_WAIT;
    }

    private void prune(Entry entry, Instant now) {
        Instant horizon = now.minus(window);
        while (!entry.failures.isEmpty() && !entry.failures.peekFirst().isAfter(horizon)) {
            entry.failures.pollFirst();
        }
        if (entry.lockedUntil != null && !entry.lockedUntil.isAfter(now)) {
            entry.lockedUntil = null;
        }
    }
}
