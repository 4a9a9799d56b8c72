package nl.vangnet.takedown;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.pdq.PdqHash;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PDQ hashes of a case's images, as computed on the victim's device (or given by the matching
 * module later). Re-checks compare a served image's hash with these in memory; the image itself
 * is never kept.
 */
@Repository
class CaseHashes {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseHashes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Parses hex hashes, one per line (or separated by spaces or commas); invalid ones are returned apart. */
    record Parsed(List<PdqHash> hashes, List<String> invalid) {}

    static Parsed parse(String text) {
        Set<PdqHash> hashes = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String token : (text == null ? "" : text).split("[\\s,;]+")) {
            String hex = token.strip().toLowerCase(Locale.ROOT);
            if (hex.isEmpty()) {
                continue;
            }
            try {
                hashes.add(PdqHash.fromHex(hex));
            } catch (IllegalArgumentException e) {
                invalid.add(hex.length() > 70 ? hex.substring(0, 70) + "…" : hex);
            }
        }
        return new Parsed(List.copyOf(hashes), List.copyOf(invalid));
    }

    int add(CaseRef caseRef, Collection<PdqHash> hashes, String actor) {
        int added = 0;
        for (PdqHash hash : hashes) {
            added += jdbc.sql("""
                            INSERT INTO takedown.case_hash (case_ref, hash, added_at, added_by) VALUES (:ref, :hash, :at, :by)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("ref", caseRef.value())
                    .param("hash", hash.toHex())
                    .param("at", Timestamp.from(clock.instant()))
                    .param("by", actor)
                    .update();
        }
        return added;
    }

    List<PdqHash> of(CaseRef caseRef) {
        return jdbc.sql("SELECT hash FROM takedown.case_hash WHERE case_ref = :ref ORDER BY hash")
                .param("ref", caseRef.value())
                .query((rs, row) -> PdqHash.fromHex(rs.getString("hash")))
                .list();
    }

    Map<CaseRef, List<PdqHash>> of(Collection<CaseRef> cases) {
        Map<CaseRef, List<PdqHash>> out = new HashMap<>();
        if (cases.isEmpty()) {
            return out;
        }
        List<UUID> ids = cases.stream().map(CaseRef::value).distinct().toList();
        jdbc.sql("SELECT case_ref, hash FROM takedown.case_hash WHERE case_ref IN (:ids)")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> out.computeIfAbsent(
                                new CaseRef(rs.getObject("case_ref", UUID.class)), k -> new ArrayList<>())
                        .add(PdqHash.fromHex(rs.getString("hash"))));
        return out;
    }
}
