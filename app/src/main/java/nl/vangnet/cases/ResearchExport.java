package nl.vangnet.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pseudonymised research export: one CSV row per incident, with no names, contact details,
 * free text, platform names, organisations or exact dates. Cases are pseudonymised with an HMAC
 * under a key made for this export only, so two exports cannot be linked. Before anything is
 * written, a k-anonymity check groups the cases by the quasi-identifiers (age band, period opened,
 * primary code, channel) and refuses the export when any group holds fewer than {@value #K}
 * cases; a coarser period (quarter, year) usually helps.
 */
@Component
class ResearchExport {

    static final int K = 5;

    /** The dimensions exported, in column order (text dimensions such as platform names never). */
    static final List<String> DIMENSIONS = List.of(
            "victimAgeAtIncident",
            "victimGender",
            "imagery",
            "producer",
            "distributor",
            "reach",
            "perpetratorRelation",
            "perpetratorIdentified",
            "motive",
            "demand",
            "moPhase",
            "moMarkers",
            "platformType",
            "duration",
            "impactFlags");

    /** How precisely the period a case was opened in is given. */
    enum Granularity {
        MONTH("YYYY-MM"),
        QUARTER("YYYY-\"Q\"Q"),
        YEAR("YYYY");

        private final String pattern;

        Granularity(String pattern) {
            this.pattern = pattern;
        }

        String sql(String column) {
            return "to_char(" + column + " AT TIME ZONE 'Europe/Amsterdam', '" + pattern + "')";
        }
    }

    /** The outcome of the k-anonymity check. */
    record Check(Granularity granularity, long cases, long groups, long smallestGroup, long smallGroups) {
        public boolean allowed() {
            return cases > 0 && smallestGroup >= K;
        }
    }

    private static final String PRIMARY =
            "coalesce((SELECT i.code FROM cases.incident i WHERE i.case_id = c.id ORDER BY i.seq LIMIT 1), 'none')";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    ResearchExport(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Check check(Granularity granularity) {
        return jdbc.sql("SELECT count(*) AS groups, coalesce(sum(n), 0) AS cases, coalesce(min(n), 0) AS smallest,"
                        + " count(*) FILTER (WHERE n < " + K + ") AS small FROM (SELECT count(*) AS n"
                        + " FROM cases.case_file c WHERE c.victim_data_erased_at IS NULL"
                        + " GROUP BY coalesce(c.age_band, 'unknown'), " + granularity.sql("c.opened_at") + ", "
                        + PRIMARY + ", c.channel) g")
                .query((rs, n) -> new Check(
                        granularity,
                        rs.getLong("cases"),
                        rs.getLong("groups"),
                        rs.getLong("smallest"),
                        rs.getLong("small")))
                .single();
    }

    /** Writes the CSV if the check allows it; the export (counts only) goes into the audit trail. */
    @Transactional
    Check write(Viewer viewer, Granularity granularity, Writer out) {
        if (!viewer.researcher()) {
            throw new CaseNotFound();
        }
        Check check = check(granularity);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("granularity", granularity.name());
        detail.put("cases", String.valueOf(check.cases()));
        detail.put("k", String.valueOf(check.smallestGroup()));
        detail.put("refused", String.valueOf(!check.allowed()));
        audit.record(
                viewer.username(),
                AuditAction.CASE_EXPORTED,
                "research-export",
                UUID.randomUUID().toString(),
                null,
                detail);
        if (!check.allowed()) {
            return check;
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        Mac mac = mac(key);
        try {
            out.write("case,opened,channel,origin,status,closing_reason,age_band,ongoing_threat,minor,"
                    + "imagery_spreading,incident,code,taxonomy_version,complete,suggested_code,"
                    + String.join(",", DIMENSIONS) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("SELECT c.id, " + granularity.sql("c.opened_at") + " AS opened, c.channel, c.origin, c.status,"
                        + " c.closing_reason, c.age_band, c.ongoing_threat, c.minor, c.imagery_spreading, i.seq, i.code,"
                        + " i.taxonomy_version, i.complete, i.suggested_code, i.dimensions"
                        + " FROM cases.case_file c LEFT JOIN cases.incident i ON i.case_id = c.id"
                        + " WHERE c.victim_data_erased_at IS NULL ORDER BY c.opened_at, c.id, i.seq")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    StringBuilder line = new StringBuilder();
                    UUID id = rs.getObject("id", UUID.class);
                    line.append(HexFormat.of()
                                    .formatHex(mac.doFinal(id.toString().getBytes(StandardCharsets.UTF_8)))
                                    .substring(0, 16))
                            .append(',');
                    for (String column : List.of(
                            "opened",
                            "channel",
                            "origin",
                            "status",
                            "closing_reason",
                            "age_band",
                            "ongoing_threat",
                            "minor",
                            "imagery_spreading",
                            "seq",
                            "code",
                            "taxonomy_version",
                            "complete",
                            "suggested_code")) {
                        String value = rs.getString(column);
                        line.append(value == null ? "" : cell(value)).append(',');
                    }
                    String json = rs.getString("dimensions");
                    Map<String, List<String>> dimensions = json == null ? Map.of() : CaseFiles.dimensions(json);
                    for (int d = 0; d < DIMENSIONS.size(); d++) {
                        List<String> values = dimensions.getOrDefault(DIMENSIONS.get(d), List.of());
                        line.append(cell(String.join("|", values)));
                        line.append(d + 1 < DIMENSIONS.size() ? ',' : '\n');
                    }
                    try {
                        out.write(line.toString());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return check;
    }

    /** Values are codes, but quote defensively anyway (and neutralise spreadsheet formulas). */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
