package nl.vangnet.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.identity.ApiClient;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.pdq.PdqResult;
import nl.vangnet.shared.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The matching module's facade: hashes enter banks (victims' only under consent), leave them on
 * withdrawal, and platforms match against them, follow the change feed and give feedback.
 * Malformed input is refused with one problem item per bad hash, so a platform can fix a batch.
 */
@Service
public class HashBanks {

    public static final int MAX_HASHES_PER_CALL = 1000;
    public static final int MAX_FEED_PAGE = 10_000;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    private final HashBankStore store;
    private final MatchIndex index;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HashBanks(HashBankStore store, MatchIndex index, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.index = index;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A hash as submitted: PDQ in hex, its quality, and optionally the SHA-256 of the file. */
    public record SubmittedHash(
            String pdq, int quality, @Nullable String sha256) {}

    /** One query: a PDQ hash in hex and, if the platform knows it, its quality. */
    public record Query(String hash, @Nullable Integer quality) {}

    /** The answer for one query hash. */
    public record QueryResult(
            String hash, List<Match> matches, @Nullable String rejected) {}

    /** A match as a platform sees it. */
    public record Match(String bank, UUID reference, int distance) {}

    /** One page of the delta feed. */
    public record Feed(List<FeedEntry> changes, long nextCursor, boolean more) {}

    /** One change in the feed. */
    public record FeedEntry(
            long cursor, String type, UUID reference, String bank, String hash, int quality, Instant at) {}

    public List<Bank> banks() {
        return store.banks();
    }

    public List<BankStatistics> statistics() {
        return store.statistics();
    }

    public List<BankedHash> recent(String bankId, int limit) {
        return store.recent(bankId, limit);
    }

    public long indexedHashes() {
        return index.size();
    }

    /**
     * Adds a victim's hashes, computed on their device, under the consent they gave. Images made
     * under 18 go to the minors' bank, others to the adults' bank.
     */
    @Transactional
    public List<UUID> addVictimHashes(
            String actor,
            HashSource source,
            UUID sourceId,
            UUID consentId,
            @Nullable UUID ownerOrganisation,
            boolean madeUnder18,
            List<SubmittedHash> hashes) {
        if (source == HashSource.STAFF) {
            throw new IllegalArgumentException("victim hashes come from a help request or a case");
        }
        List<Parsed> parsed = parseSubmissions(hashes);
        String bank = madeUnder18 ? "victims-under-18" : "victims-adult";
        Instant now = clock.instant();
        List<UUID> references = new ArrayList<>();
        for (Parsed p : parsed) {
            if (store.alreadyBanked(bank, source, sourceId, consentId, p.pdq)) {
                continue;
            }
            UUID reference = UUID.randomUUID();
            store.insert(
                    reference,
                    bank,
                    p.pdq,
                    p.quality,
                    p.sha256,
                    source,
                    sourceId,
                    consentId,
                    ownerOrganisation,
                    now,
                    actor);
            references.add(reference);
        }
        audit.record(
                actor,
                nl.vangnet.audit.AuditAction.HASHES_ADDED,
                source.name().toLowerCase(java.util.Locale.ROOT),
                sourceId.toString(),
                null,
                Map.of("bank", bank, "count", Integer.toString(references.size())));
        refreshAfterCommit();
        return references;
    }

    /** Staff add hashes found in takedown work to the staff bank. */
    @Transactional
    public List<UUID> addStaffHashes(String actor, @Nullable UUID organisation, List<SubmittedHash> hashes) {
        List<Parsed> parsed = parseSubmissions(hashes);
        Instant now = clock.instant();
        List<UUID> references = new ArrayList<>();
        for (Parsed p : parsed) {
            UUID reference = UUID.randomUUID();
            store.insert(
                    reference,
                    "takedown",
                    p.pdq,
                    p.quality,
                    p.sha256,
                    HashSource.STAFF,
                    null,
                    null,
                    organisation,
                    now,
                    actor);
            references.add(reference);
        }
        audit.record(
                actor,
                nl.vangnet.audit.AuditAction.HASHES_ADDED,
                "bank",
                "takedown",
                null,
                Map.of("count", Integer.toString(references.size())));
        refreshAfterCommit();
        return references;
    }

    /** Withdraws one hash by its reference; returns false if it was unknown or already withdrawn. */
    @Transactional
    public boolean withdraw(String actor, UUID reference) {
        List<UUID> withdrawn = store.withdraw("reference = :ref", Map.of("ref", reference), clock.instant(), actor);
        if (!withdrawn.isEmpty()) {
            audit.record(actor, nl.vangnet.audit.AuditAction.HASHES_WITHDRAWN, "hash", reference.toString());
            events.publishEvent(new HashesWithdrawn(withdrawn));
            refreshAfterCommit();
        }
        return !withdrawn.isEmpty();
    }

    /** Withdraws every hash a victim submitted from one source, e.g. when they withdraw consent. */
    @Transactional
    public int withdrawAllFrom(String actor, HashSource source, UUID sourceId) {
        List<UUID> withdrawn = store.withdraw(
                "source_type = :type AND source_id = :id",
                Map.of("type", source.name(), "id", sourceId),
                clock.instant(),
                actor);
        if (!withdrawn.isEmpty()) {
            audit.record(
                    actor,
                    nl.vangnet.audit.AuditAction.HASHES_WITHDRAWN,
                    source.name().toLowerCase(java.util.Locale.ROOT),
                    sourceId.toString(),
                    null,
                    Map.of("count", Integer.toString(withdrawn.size())));
            events.publishEvent(new HashesWithdrawn(withdrawn));
            refreshAfterCommit();
        }
        return withdrawn.size();
    }

    /** Matches a platform's hashes; every hit is recorded and announced to the source's owner. */
    @Transactional
    public List<QueryResult> match(ApiClient client, List<Query> queries) {
        List<ApiProblem.Item> problems = new ArrayList<>();
        if (queries.isEmpty() || queries.size() > MAX_HASHES_PER_CALL) {
            problems.add(ApiProblem.Item.of("hash-count", "hashes", MAX_HASHES_PER_CALL, queries.size()));
        }
        List<PdqHash> parsed = new ArrayList<>();
        for (int i = 0; i < queries.size() && queries.size() <= MAX_HASHES_PER_CALL; i++) {
            Query q = queries.get(i);
            String problem = hexProblem(q.hash());
            if (problem != null) {
                problems.add(ApiProblem.Item.of(
                        problem,
                        "hashes[" + i + "]",
                        i,
                        q.hash() == null ? 0 : q.hash().length()));
                parsed.add(null);
            } else if (q.quality() != null && (q.quality() < 0 || q.quality() > 100)) {
                problems.add(ApiProblem.Item.of("quality-range", "hashes[" + i + "].quality", i));
                parsed.add(null);
            } else {
                parsed.add(PdqHash.fromHex(q.hash()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "hashes-invalid", problems);
        }
        Map<String, Integer> thresholds = store.banks().stream().collect(Collectors.toMap(Bank::id, Bank::threshold));
        Instant now = clock.instant();
        List<QueryResult> results = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            String hex = parsed.get(i).toHex();
            if (q.quality() != null && q.quality() < PdqResult.MIN_ACTIONABLE_QUALITY) {
                results.add(new QueryResult(hex, List.of(), "quality-below-" + PdqResult.MIN_ACTIONABLE_QUALITY));
                continue;
            }
            List<Match> matches = new ArrayList<>();
            for (MatchIndex.Hit hit : index.search(parsed.get(i), 31)) {
                if (hit.distance() > thresholds.getOrDefault(hit.entry().bankId(), 31)) {
                    continue;
                }
                matches.add(new Match(hit.entry().bankId(), hit.entry().reference(), hit.distance()));
                UUID matchId = UUID.randomUUID();
                store.recordMatch(matchId, hit.seq(), client.id(), hit.distance(), now);
                events.publishEvent(new HashMatched(
                        matchId,
                        hit.entry().reference(),
                        hit.entry().bankId(),
                        hit.entry().source(),
                        hit.entry().sourceId(),
                        hit.entry().owner(),
                        client.id(),
                        hit.distance()));
            }
            matches.sort(java.util.Comparator.comparingInt(Match::distance));
            results.add(new QueryResult(hex, matches, null));
        }
        return results;
    }

    /** The changes after a cursor, oldest first, for platforms keeping their own copy. */
    public Feed feed(long cursor, int limit) {
        List<ApiProblem.Item> problems = new ArrayList<>();
        if (cursor < 0) {
            problems.add(ApiProblem.Item.of("cursor-invalid", "cursor"));
        }
        if (limit < 1 || limit > MAX_FEED_PAGE) {
            problems.add(ApiProblem.Item.of("limit-invalid", "limit", MAX_FEED_PAGE));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "feed-invalid", problems);
        }
        List<HashBankStore.Change> changes = store.changesAfter(cursor, limit + 1);
        boolean more = changes.size() > limit;
        List<FeedEntry> page = changes.stream()
                .limit(limit)
                .map(c -> new FeedEntry(
                        c.cursor(),
                        c.kind().equals("ADDED") ? "added" : "withdrawn",
                        c.hash().reference(),
                        c.hash().bankId(),
                        c.hash().pdq().toHex(),
                        c.hash().quality(),
                        c.at()))
                .toList();
        long next = page.isEmpty() ? cursor : page.getLast().cursor();
        return new Feed(page, next, more);
    }

    /** A platform confirms or rejects a match on a reference. */
    @Transactional
    public void feedback(ApiClient client, @Nullable String reference, @Nullable String verdict) {
        List<ApiProblem.Item> problems = new ArrayList<>();
        UUID ref = null;
        try {
            ref = reference == null ? null : UUID.fromString(reference);
        } catch (IllegalArgumentException e) {
            ref = null;
        }
        if (ref == null) {
            problems.add(ApiProblem.Item.of("reference-invalid", "reference"));
        }
        Verdict parsed = null;
        if ("true-positive".equals(verdict)) {
            parsed = Verdict.TRUE_POSITIVE;
        } else if ("false-positive".equals(verdict)) {
            parsed = Verdict.FALSE_POSITIVE;
        } else {
            problems.add(ApiProblem.Item.of("verdict-invalid", "verdict"));
        }
        BankedHash hash = ref == null ? null : store.byReference(ref).orElse(null);
        if (ref != null && hash == null) {
            problems.add(ApiProblem.Item.of("reference-unknown", "reference", ref));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "feedback-invalid", problems);
        }
        store.recordFeedback(hash.seq(), client.id(), parsed, clock.instant());
    }

    private record Parsed(PdqHash pdq, int quality, byte @Nullable [] sha256) {}

    private static List<Parsed> parseSubmissions(List<SubmittedHash> hashes) {
        List<ApiProblem.Item> problems = new ArrayList<>();
        if (hashes.isEmpty() || hashes.size() > MAX_HASHES_PER_CALL) {
            problems.add(ApiProblem.Item.of("hash-count", "hashes", MAX_HASHES_PER_CALL, hashes.size()));
        }
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            SubmittedHash h = hashes.get(i);
            String problem = hexProblem(h.pdq());
            if (problem != null) {
                problems.add(ApiProblem.Item.of(
                        problem,
                        "hashes[" + i + "]",
                        i,
                        h.pdq() == null ? 0 : h.pdq().length()));
                continue;
            }
            if (h.quality() < PdqResult.MIN_ACTIONABLE_QUALITY || h.quality() > 100) {
                problems.add(ApiProblem.Item.of(
                        "quality-too-low", "hashes[" + i + "].quality", i, PdqResult.MIN_ACTIONABLE_QUALITY));
                continue;
            }
            byte[] sha = null;
            if (h.sha256() != null && !h.sha256().isBlank()) {
                if (!HEX64.matcher(h.sha256()).matches()) {
                    problems.add(ApiProblem.Item.of("sha256-malformed", "hashes[" + i + "].sha256", i));
                    continue;
                }
                sha = HexFormat.of().parseHex(h.sha256().toLowerCase(java.util.Locale.ROOT));
            }
            parsed.add(new Parsed(PdqHash.fromHex(h.pdq()), h.quality(), sha));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "hashes-invalid", problems);
        }
        return parsed;
    }

    private static @Nullable String hexProblem(@Nullable String hex) {
        if (hex == null || hex.isEmpty()) {
            return "hash-missing";
        }
        if (hex.length() != 64) {
            return "hash-wrong-length";
        }
        if (!HEX64.matcher(hex).matches()) {
            return "hash-not-hex";
        }
        return null;
    }

    /** After this transaction commits, pull the change into the index at once instead of waiting. */
    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    index.follow();
                }
            });
        } else {
            index.follow();
        }
    }
}
