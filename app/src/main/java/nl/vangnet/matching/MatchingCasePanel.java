package nl.vangnet.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.cases.CaseManagement;
import nl.vangnet.cases.CasePanels;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.cases.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hash-bank panel on a case page: how many of the victim's image hashes are in which bank
 * (made on their device, with their consent), and how often platforms stopped an upload of one of
 * them, most recently when. A stopped upload means someone tried to spread the image again, which
 * is why caseworkers need to see it next to the case; the image itself never reaches anyone.
 * Shown to caseworkers of the organisation that owns the case.
 */
@Component
class MatchingCasePanel implements CasePanels {

    /** Hashes of one bank for this case. */
    record BankLine(String bankId, long active, long withdrawn) {}

    /** What platforms reported for these hashes. */
    record Matches(
            long total,
            long lastWeek,
            long platforms,
            @Nullable Instant last) {}

    private final JdbcClient jdbc;
    private final CaseManagement cases;
    private final Clock clock;

    MatchingCasePanel(JdbcClient jdbc, CaseManagement cases, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
    }

    private static final java.time.format.DateTimeFormatter LAST =
            java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    private static final String SOURCES = "((h.source_type = 'HELP_REQUEST' AND h.source_id = :helpRequest)"
            + " OR (h.source_type = 'CASE' AND h.source_id = :caseId))";

    @Override
    public List<Panel> panels(Viewer viewer, CaseSummary summary) {
        if (!summary.owner() || !viewer.caseworker() || summary.victimDataErased()) {
            return List.of();
        }
        UUID helpRequest = cases.workLink(viewer, summary.id().toString())
                .flatMap(link -> Optional.ofNullable(link.helpRequest()))
                .map(h -> h.value())
                .orElse(null);
        UUID caseId = summary.id().value();
        List<BankLine> banks = jdbc.sql("SELECT h.bank_id, count(*) FILTER (WHERE h.withdrawn_at IS NULL) AS active,"
                        + " count(*) FILTER (WHERE h.withdrawn_at IS NOT NULL) AS withdrawn"
                        + " FROM matching.hash h WHERE " + SOURCES + " GROUP BY h.bank_id ORDER BY h.bank_id")
                .param("helpRequest", helpRequest)
                .param("caseId", caseId)
                .query((rs, n) -> new BankLine(rs.getString("bank_id"), rs.getLong("active"), rs.getLong("withdrawn")))
                .list();
        if (banks.isEmpty()) {
            return List.of();
        }
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        Matches matches = jdbc.sql("SELECT count(*) AS total, count(*) FILTER (WHERE m.matched_at >= :weekAgo) AS week,"
                        + " count(DISTINCT m.api_client_id) AS platforms, max(m.matched_at) AS last"
                        + " FROM matching.match_record m JOIN matching.hash h ON h.seq = m.hash_seq WHERE " + SOURCES)
                .param("helpRequest", helpRequest)
                .param("caseId", caseId)
                .param("weekAgo", Timestamp.from(weekAgo))
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last");
                    return new Matches(
                            rs.getLong("total"),
                            rs.getLong("week"),
                            rs.getLong("platforms"),
                            last == null ? null : last.toInstant());
                })
                .single();
        Map<String, Object> model = new HashMap<>();
        model.put("banks", banks);
        model.put("matches", matches);
        model.put(
                "lastText",
                matches.last() == null
                        ? ""
                        : LAST.format(matches.last().atZone(java.time.ZoneId.of("Europe/Amsterdam"))));
        return List.of(new Panel("matching/case-panel", model));
    }
}
