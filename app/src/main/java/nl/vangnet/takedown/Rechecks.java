package nl.vangnet.takedown;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.pdq.DecodeOptions;
import nl.vangnet.pdq.Pdq;
import nl.vangnet.pdq.PdqDecodeException;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.pdq.PdqHasher;
import nl.vangnet.pdq.PdqResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks whether URLs are still online: the status code after following (checked) redirects and,
 * when the case has PDQ hashes and the URL serves an image, whether that image is the case's image.
 * The image bytes live in memory only while they are hashed; nothing of them is stored or logged.
 * Checks run on virtual threads with a bound on how many run at once, and a tighter bound on
 * image decoding (CPU and memory heavy).
 */
@Component
class Rechecks {

    private static final Logger log = LoggerFactory.getLogger(Rechecks.class);

    /** What a check found. Only {@link #removes()} outcomes end a request; the others keep it open. */
    enum Outcome {
        ONLINE,
        ONLINE_MATCH,
        GONE,
        BLOCKED,
        REPLACED,
        RESTRICTED,
        CLIENT_ERROR,
        SERVER_ERROR,
        UNRESOLVABLE,
        UNREACHABLE,
        TIMEOUT,
        TLS_ERROR,
        PROTOCOL_ERROR,
        TOO_LARGE,
        TOO_MANY_REDIRECTS,
        REFUSED;

        boolean removes() {
            return this == GONE || this == BLOCKED || this == REPLACED;
        }
    }

    /** One check's result: never the served content, only what it tells. */
    record Result(
            Outcome outcome,
            @Nullable Integer httpStatus,
            int redirects,
            @Nullable Integer pdqDistance) {}

    /** Totals of one round, for logs and the benchmark. */
    record Round(int checked, int removed, int inconclusive, Duration took) {}

    private static final Set<Integer> GONE_STATUSES = Set.of(404, 410);

    private final Takedowns takedowns;
    private final CaseKeys keys;
    private final CaseHashes hashes;
    private final OutboundFetcher fetcher;
    private final TakedownProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PdqHasher hasher;
    private final Semaphore decoding =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    Rechecks(
            Takedowns takedowns,
            CaseKeys keys,
            CaseHashes hashes,
            OutboundFetcher fetcher,
            TakedownProperties properties,
            ApplicationEventPublisher events,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.takedowns = takedowns;
        this.keys = keys;
        this.hashes = hashes;
        this.fetcher = fetcher;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.hasher = Pdq.hasher(DecodeOptions.defaults()
                .withMaxEncodedBytes(properties.fetch().maxBodyBytes())
                .withMaxPixels(16_000_000L));
    }

    /** Checks every request that is due, in rounds of {@code recheck-batch}. */
    Round recheckDue() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int checked = 0;
        int removed = 0;
        int inconclusive = 0;
        while (true) {
            List<TakedownRequest> due = takedowns.dueForCheck(now, properties.recheckBatch());
            if (due.isEmpty()) {
                break;
            }
            Round round = checkAll(due);
            checked += round.checked();
            removed += round.removed();
            inconclusive += round.inconclusive();
            if (due.size() < properties.recheckBatch()) {
                break;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (checked > 0) {
            log.info(
                    "Re-checked {} URLs in {} ms: {} removed, {} inconclusive",
                    checked,
                    took.toMillis(),
                    removed,
                    inconclusive);
        }
        return new Round(checked, removed, inconclusive, took);
    }

    private Round checkAll(List<TakedownRequest> due) {
        Map<CaseRef, List<PdqHash>> caseHashes =
                hashes.of(due.stream().map(TakedownRequest::caseRef).distinct().toList());
        Semaphore slots = new Semaphore(properties.recheckConcurrency());
        AtomicInteger removed = new AtomicInteger();
        AtomicInteger inconclusive = new AtomicInteger();
        Queue<Checked> stillOnline = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>(due.size());
        for (TakedownRequest request : due) {
            slots.acquireUninterruptibly();
            threads.add(Thread.ofVirtual().name("takedown-check").start(() -> {
                try {
                    Result result = check(request, caseHashes.getOrDefault(request.caseRef(), List.of()));
                    if (result.outcome().removes()) {
                        // Rare and consequential: its own transaction, with the row locked.
                        if (apply(request.id(), result, "RECHECK")) {
                            removed.incrementAndGet();
                        }
                    } else {
                        stillOnline.add(new Checked(request, result));
                        if (result.outcome() != Outcome.ONLINE && result.outcome() != Outcome.ONLINE_MATCH) {
                            inconclusive.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    // One broken request must not stop the others; the request ID is enough to find it.
                    log.error(
                            "Re-check of request {} failed: {}",
                            request.id(),
                            e.getClass().getName());
                    transactions.executeWithoutResult(s -> takedowns.scheduleCheck(
                            request.id(), clock.instant().plus(properties.recheckInterval())));
                } finally {
                    slots.release();
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // The common case (still online, or not judgeable) is written in batches: one round trip
        // per few hundred requests instead of a transaction per URL.
        List<Checked> batch = new ArrayList<>(stillOnline);
        Instant now = clock.instant();
        for (int from = 0; from < batch.size(); from += 500) {
            List<Checked> part = batch.subList(from, Math.min(batch.size(), from + 500));
            transactions.executeWithoutResult(
                    s -> takedowns.recordChecks(part, now, now.plus(properties.recheckInterval())));
        }
        return new Round(due.size(), removed.get(), inconclusive.get(), Duration.ZERO);
    }

    /** A request and what its check found. */
    record Checked(TakedownRequest request, Result result) {}

    /** Checks one request now (staff pressed "check now"); true when this check found it removed. */
    boolean checkNow(TakedownRequestId id) {
        TakedownRequest request = takedowns.find(id).orElseThrow();
        Result result = check(request, hashes.of(request.caseRef()));
        return apply(id, result, "RECHECK");
    }

    Result check(TakedownRequest request, List<PdqHash> caseHashes) {
        String url = keys.decrypt(request.caseRef(), request.urlCiphertext(), TakedownRequest.urlContext(request.id()));
        OutboundFetcher.BodyPolicy body =
                caseHashes.isEmpty() ? OutboundFetcher.BodyPolicy.NONE : OutboundFetcher.BodyPolicy.IMAGES;
        OutboundFetcher.Result fetched = fetcher.get(URI.create(url), body, "*/*");
        return switch (fetched) {
            case OutboundFetcher.Refused r -> new Result(Outcome.REFUSED, null, r.redirects(), null);
            case OutboundFetcher.Failed f ->
                new Result(
                        switch (f.failure()) {
                            case UNRESOLVABLE -> Outcome.UNRESOLVABLE;
                            case UNREACHABLE -> Outcome.UNREACHABLE;
                            case TIMEOUT -> Outcome.TIMEOUT;
                            case TLS -> Outcome.TLS_ERROR;
                            case PROTOCOL -> Outcome.PROTOCOL_ERROR;
                            case TOO_LARGE -> Outcome.TOO_LARGE;
                            case TOO_MANY_REDIRECTS -> Outcome.TOO_MANY_REDIRECTS;
                        },
                        null,
                        f.redirects(),
                        null);
            case OutboundFetcher.Response r -> classify(r, caseHashes);
        };
    }

    private Result classify(OutboundFetcher.Response response, List<PdqHash> caseHashes) {
        int status = response.status();
        if (GONE_STATUSES.contains(status)) {
            return new Result(Outcome.GONE, status, response.redirects(), null);
        }
        if (status == 451) {
            return new Result(Outcome.BLOCKED, status, response.redirects(), null);
        }
        if (status == 401 || status == 403) {
            return new Result(Outcome.RESTRICTED, status, response.redirects(), null);
        }
        if (status >= 500) {
            return new Result(Outcome.SERVER_ERROR, status, response.redirects(), null);
        }
        if (status >= 400) {
            return new Result(Outcome.CLIENT_ERROR, status, response.redirects(), null);
        }
        byte[] body = response.body();
        if (status == 200 && body != null && !caseHashes.isEmpty()) {
            Integer distance = distance(body, caseHashes);
            if (distance != null) {
                Outcome outcome = distance <= properties.pdqThreshold() ? Outcome.ONLINE_MATCH : Outcome.REPLACED;
                return new Result(outcome, status, response.redirects(), distance);
            }
        }
        return new Result(Outcome.ONLINE, status, response.redirects(), null);
    }

    /** The smallest distance to a case hash, or null when the image cannot be judged (undecodable, too flat). */
    private @Nullable Integer distance(byte[] image, List<PdqHash> caseHashes) {
        decoding.acquireUninterruptibly();
        try {
            PdqResult result = hasher.hash(image);
            if (!result.isActionable()) {
                return null;
            }
            int best = Integer.MAX_VALUE;
            for (PdqHash hash : caseHashes) {
                best = Math.min(best, hash.hammingDistance(result.hash()));
            }
            return best;
        } catch (PdqDecodeException e) {
            return null;
        } finally {
            decoding.release();
        }
    }

    /** Records a check and, when it shows the content gone, removes the request; true if it did. */
    boolean apply(TakedownRequestId id, Result result, String detectedBy) {
        Boolean removed = transactions.execute(s -> {
            TakedownRequest request = takedowns.lock(id).orElse(null);
            if (request == null) {
                return false;
            }
            Instant now = clock.instant();
            takedowns.recordCheck(
                    id,
                    now,
                    result.outcome().name(),
                    result.httpStatus(),
                    result.redirects(),
                    result.pdqDistance(),
                    now.plus(properties.recheckInterval()));
            if (!result.outcome().removes() || !request.status().canMoveTo(TakedownStatus.REMOVED)) {
                return false;
            }
            takedowns.changeStatus(
                    id, TakedownStatus.REMOVED, now, "system", result.outcome().name());
            takedowns.setRemovalDetectedBy(id, detectedBy);
            audit.record("system", AuditAction.TAKEDOWN_STATUS_CHANGED, "takedown-request", id.toString());
            events.publishEvent(TakedownEvents.removed(request, now, detectedBy));
            return true;
        });
        return Boolean.TRUE.equals(removed);
    }
}
