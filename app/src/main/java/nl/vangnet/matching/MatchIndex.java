package nl.vangnet.matching;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.vangnet.pdq.Pdq;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.pdq.PdqIndex;
import nl.vangnet.pdq.PdqMatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The in-memory multi-index over every active banked hash. It follows the change feed by cursor,
 * exactly as a platform or a separate matcher replica would, so one code path serves a single
 * instance and N replicas alike. Reads run concurrently with the follower's adds and removes.
 */
@Component
class MatchIndex {

    private static final Logger log = LoggerFactory.getLogger(MatchIndex.class);
    private static final int PAGE = 10_000;

    private final HashBankStore store;
    private final PdqIndex index = Pdq.newIndex();
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private volatile long cursor;

    /** What a match needs to know about an indexed hash besides its bits. */
    record Entry(
            UUID reference,
            String bankId,
            HashSource source,
            @Nullable UUID sourceId,
            @Nullable UUID owner) {}

    /** A hit: the index entry, its database sequence and the distance. */
    record Hit(long seq, Entry entry, int distance) {}

    MatchIndex(HashBankStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        follow();
        log.info("Match index holds {} hashes (feed cursor {})", entries.size(), cursor);
    }

    /** Applies every change after the last one seen. Safe to call from any thread. */
    @Scheduled(fixedDelayString = "${vangnet.matching.follow-interval:PT2S}")
    synchronized void follow() {
        while (true) {
            List<HashBankStore.Change> changes = store.changesAfter(cursor, PAGE);
            for (HashBankStore.Change change : changes) {
                BankedHash hash = change.hash();
                if (change.kind().equals("ADDED")) {
                    if (entries.putIfAbsent(
                                    hash.seq(),
                                    new Entry(
                                            hash.reference(),
                                            hash.bankId(),
                                            hash.source(),
                                            hash.sourceId(),
                                            change.owner()))
                            == null) {
                        index.add(hash.seq(), hash.pdq());
                    }
                } else if (entries.remove(hash.seq()) != null) {
                    index.remove(hash.seq(), hash.pdq());
                }
                cursor = change.cursor();
            }
            if (changes.size() < PAGE) {
                return;
            }
        }
    }

    List<Hit> search(PdqHash query, int maxDistance) {
        List<PdqMatch> matches = index.search(query, maxDistance);
        return matches.stream()
                .map(m -> {
                    Entry entry = entries.get(m.id());
                    return entry == null ? null : new Hit(m.id(), entry, m.distance());
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    long size() {
        return entries.size();
    }
}
