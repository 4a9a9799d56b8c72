package nl.vangnet.cases;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreement between the portal's suggested code and the code staff confirmed or corrected: the
 * quality figure of the portal's coding rules. Counts only, per suggested code.
 */
@Component
class CodingQuality {

    private final JdbcClient jdbc;

    CodingQuality(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Agreement for one suggested code. */
    record Row(String suggestedCode, long confirmed, long agreed) {
        public long percentage() {
            return confirmed == 0 ? 0 : Math.round(100.0 * agreed / confirmed);
        }
    }

    /** The figures, overall and per suggested code, plus how many suggestions still wait. */
    record Figures(List<Row> rows, long confirmed, long agreed, long awaiting) {
        /** Percentage of confirmed suggestions whose code staff kept, rounded; -1 with none. */
        public long percentage() {
            return confirmed == 0 ? -1 : Math.round(100.0 * agreed / confirmed);
        }
    }

    /** For one organisation's cases, or for all cases when {@code organisation} is null (administrators). */
    @Transactional(readOnly = true)
    Figures figures(@Nullable UUID organisation) {
        String scope = organisation == null ? "" : " AND c.organisation_id = :org";
        JdbcClient.StatementSpec rows = jdbc.sql("SELECT i.suggested_code, count(*) AS confirmed,"
                + " count(*) FILTER (WHERE i.code = i.suggested_code) AS agreed"
                + " FROM cases.incident i JOIN cases.case_file c ON c.id = i.case_id"
                + " WHERE i.suggested_code IS NOT NULL AND i.confirmed_at IS NOT NULL" + scope
                + " GROUP BY i.suggested_code ORDER BY count(*) DESC, i.suggested_code");
        JdbcClient.StatementSpec waiting = jdbc.sql("SELECT count(*) FROM cases.incident i"
                + " JOIN cases.case_file c ON c.id = i.case_id"
                + " WHERE i.suggested_code IS NOT NULL AND i.confirmed_at IS NULL" + scope);
        if (organisation != null) {
            rows = rows.param("org", organisation);
            waiting = waiting.param("org", organisation);
        }
        List<Row> list = rows.query((rs, n) ->
                        new Row(rs.getString("suggested_code"), rs.getLong("confirmed"), rs.getLong("agreed")))
                .list();
        long confirmed = list.stream().mapToLong(Row::confirmed).sum();
        long agreed = list.stream().mapToLong(Row::agreed).sum();
        return new Figures(list, confirmed, agreed, waiting.query(Long.class).single());
    }
}
