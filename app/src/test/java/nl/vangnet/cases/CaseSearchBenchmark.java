package nl.vangnet.cases;

import static nl.vangnet.cases.CaseFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (never part of {@code verify}): the triage queue and case search over
 * real HTTP, with the audit write each page makes, against {@code cases.bench.count} synthetic
 * cases (default 1,000,000) made with {@code generate_series}. 20 organisations; the measured one
 * owns 40% of all cases (the national hotline) and receives 1% of the others' cases as shares.
 * Prints and writes {@code app/target/case-search-benchmark.txt}. Run:
 *
 * <pre>
 * ./mvnw -B -pl app verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=CaseSearchBenchmark -Dcases.bench.count=1000000
 * </pre>
 */
@VangnetIntegrationTest
class CaseSearchBenchmark {

    static final List<String> CODES = List.of(
            "IBA-DIS",
            "IBA-CRT",
            "IBA-FAB",
            "IBA-THR",
            "SXT-SEX",
            "SXT-FIN",
            "SXT-OTH",
            "GRM",
            "SXC",
            "OSI-FLASH",
            "OSI-SOLICIT",
            "OSI-HAR",
            "LIVE",
            "CSAM-REP",
            "IMP",
            "OTH");

    @LocalServerPort
    int port;

    @Autowired
    StaffManagement staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void triageQueueAndSearchOnManyCases() throws IOException {
        int count = Integer.getInteger("cases.bench.count", 1_000_000);
        Organisation measured = CaseFixtures.organisation(staff, "Bench Hulplijn", OrganisationKind.HOTLINE);
        List<UUID> organisations = new ArrayList<>(List.of(measured.id().value()));
        for (int i = 1; i < 20; i++) {
            organisations.add(CaseFixtures.organisation(staff, "Bench Organisatie " + i, OrganisationKind.CARE)
                    .id()
                    .value());
        }
        CaseFixtures.account(staff, "bench", measured, Role.HOTLINE);

        long start = System.nanoTime();
        generate(count, organisations);
        long generated = (System.nanoTime() - start) / 1_000_000;
        String someReference = jdbc.sql("SELECT reference FROM cases.case_file WHERE organisation_id = :org"
                        + " ORDER BY opened_at LIMIT 1 OFFSET 1000")
                .param("org", measured.id().value())
                .query(String.class)
                .single();

        StaffClient client = StaffClient.loggedIn(port, "bench", PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("triage queue (50 rows, counts, shared list)", "/staff/cases");
        pages.put("search, no filter, page 1", "/staff/cases/search");
        pages.put("search, no filter, page 10", "/staff/cases/search?page=9");
        pages.put("search, status IN_PROGRESS", "/staff/cases/search?status=IN_PROGRESS");
        pages.put("search, code SXT-FIN", "/staff/cases/search?code=SXT-FIN");
        pages.put("search, code CSAM-REP + urgent", "/staff/cases/search?code=CSAM-REP&urgent=true");
        pages.put("search, reference (exact)", "/staff/cases/search?reference=" + someReference);
        pages.put("search, opened in one month", "/staff/cases/search?from=2024-03-01&to=2024-03-31");
        pages.put("API queue (JSON)", "/api/v1/cases");

        StringBuilder report = new StringBuilder();
        report.append(String.format(
                "Cases: %,d (%,d owned by the measured organisation), incidents: %,d, shares to it: %,d;"
                        + " generated in %,d ms%n",
                count,
                jdbc.sql("SELECT count(*) FROM cases.case_file WHERE organisation_id = :org")
                        .param("org", measured.id().value())
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT count(*) FROM cases.incident")
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT count(*) FROM cases.consent WHERE organisation_id = :org")
                        .param("org", measured.id().value())
                        .query(Long.class)
                        .single(),
                generated));
        report.append(String.format(
                "%-48s %8s %8s %8s %8s%n", "page (full HTTP, audited)", "p50 ms", "p95 ms", "max ms", "rows"));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (int i = 0; i < 5; i++) {
                fetch(client, page.getValue());
            }
            long[] times = new long[30];
            int rows = 0;
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> response = fetch(client, page.getValue());
                times[i] = (System.nanoTime() - t) / 1_000;
                assertThat(response.statusCode()).as(page.getValue()).isEqualTo(200);
                rows = count(response.body(), ">VN-B-") + count(response.body(), "\"reference\":\"VN-B-");
            }
            Arrays.sort(times);
            report.append(String.format(
                    "%-48s %8.1f %8.1f %8.1f %8d%n",
                    page.getKey(),
                    times[times.length / 2] / 1000.0,
                    times[(int) Math.ceil(times.length * 0.95) - 1] / 1000.0,
                    times[times.length - 1] / 1000.0,
                    rows));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "case-search-benchmark.txt"), report.toString());
    }

    static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static HttpResponse<String> fetch(StaffClient client, String path) {
        if (path.startsWith("/api/")) {
            return client.send(client.request(path)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
        }
        return client.get(path);
    }

    void generate(int count, List<UUID> organisations) {
        String orgArray = "ARRAY["
                + String.join(
                        ",",
                        organisations.stream().map(o -> "'" + o + "'::uuid").toList())
                + "]";
        String codes = "ARRAY["
                + String.join(",", CODES.stream().map(c -> "'" + c + "'").toList()) + "]";
        jdbc.sql("INSERT INTO cases.case_file (id, reference, organisation_id, origin, channel, status, closing_reason,"
                        + " ongoing_threat, minor, imagery_spreading, urgency, age_band, opened_at, triaged_at, closed_at,"
                        + " updated_at, data_key)"
                        + " SELECT gen_random_uuid(), 'VN-B-' || lpad(g::text, 8, '0'),"
                        + " CASE WHEN g % 10 < 4 THEN (" + orgArray + ")[1] ELSE (" + orgArray + ")[2 + g % 19] END,"
                        + " 'STAFF', (ARRAY['PHONE','CHAT','PORTAL','WALK_IN','EMAIL'])[1 + g % 5],"
                        + " s.status, CASE WHEN s.status = 'CLOSED' THEN 'HELPED' END,"
                        + " (g * 7919) % 10 = 0, (g * 104729) % 4 = 0, (g * 1299709) % 3 = 0,"
                        + " CASE WHEN (g * 7919) % 10 = 0 THEN 4 ELSE 0 END + CASE WHEN (g * 104729) % 4 = 0 THEN 2"
                        + " ELSE 0 END + CASE WHEN (g * 1299709) % 3 = 0 THEN 2 ELSE 0 END,"
                        + " (ARRAY['under-12','12-15','16-17','18-24','25-plus','unknown'])[1 + g % 6],"
                        + " now() - g * interval '3 minutes',"
                        + " CASE WHEN s.status <> 'NEW' THEN now() - g * interval '3 minutes' + interval '1 hour' END,"
                        + " CASE WHEN s.status = 'CLOSED' THEN now() - g * interval '3 minutes' + interval '20 days' END,"
                        + " now(), '\\x00'::bytea"
                        + " FROM generate_series(1::bigint, :count) g, LATERAL (SELECT CASE WHEN g % 100 = 0 THEN 'NEW'"
                        + " WHEN g % 100 = 1 THEN 'TRIAGED' WHEN g % 100 IN (2, 3) THEN 'IN_PROGRESS'"
                        + " WHEN g % 100 = 4 THEN 'REFERRED' ELSE 'CLOSED' END AS status) s")
                .param("count", count)
                .update();
        jdbc.sql("INSERT INTO cases.incident (id, case_id, seq, taxonomy_version, code, dimensions, created_at,"
                        + " updated_at) SELECT gen_random_uuid(), c.id, 1, '1', (" + codes
                        + ")[1 + (abs(hashtext(c.reference)) % 16)], '{}', c.opened_at, c.opened_at"
                        + " FROM cases.case_file c WHERE c.reference LIKE 'VN-B-%'")
                .update();
        jdbc.sql(
                        "INSERT INTO cases.incident (id, case_id, seq, taxonomy_version, code, dimensions, created_at,"
                                + " updated_at) SELECT gen_random_uuid(), c.id, 2, '1', (" + codes
                                + ")[1 + (abs(hashtext(c.reference || 'b')) % 16)], '{}', c.opened_at, c.opened_at"
                                + " FROM cases.case_file c WHERE c.reference LIKE 'VN-B-%' AND abs(hashtext(c.id::text)) % 10 < 3")
                .update();
        jdbc.sql("INSERT INTO cases.consent (id, case_id, organisation_id, parts, basis, how, recorded_by, granted_at)"
                        + " SELECT gen_random_uuid(), c.id, :org, '{SUMMARY,CODING}', 'RECORDED', 'PHONE', 'bench',"
                        + " c.opened_at FROM cases.case_file c WHERE c.organisation_id <> :org"
                        + " AND abs(hashtext(c.id::text)) % 100 = 0")
                .param("org", organisations.getFirst())
                .update();
        jdbc.sql("VACUUM ANALYZE cases.case_file").update();
        jdbc.sql("VACUUM ANALYZE cases.incident").update();
        jdbc.sql("VACUUM ANALYZE cases.consent").update();
    }
}
