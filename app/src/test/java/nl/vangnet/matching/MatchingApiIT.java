package nl.vangnet.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.vangnet.Http;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.identity.ApiClientManagement;
import nl.vangnet.identity.ApiScope;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.pdq.PdqHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@VangnetIntegrationTest
@DirtiesContext
@Import(MatchingApiIT.Collector.class)
class MatchingApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    HashBanks banks;

    @Autowired
    ApiClientManagement clients;

    @Autowired
    StaffManagement staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Collector events;

    /** Collects the module's events from whatever thread publishes them (requests run on server threads). */
    @TestConfiguration
    static class Collector {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(HashMatched event) {
            seen.add(event);
        }

        @EventListener
        void on(HashesWithdrawn event) {
            seen.add(event);
        }

        <T> java.util.stream.Stream<T> stream(Class<T> type) {
            return seen.stream().filter(type::isInstance).map(type::cast);
        }
    }

    Http http;
    String key;
    Random random;

    @BeforeEach
    void setUp(org.junit.jupiter.api.TestInfo test) {
        // A fixed seed per test: reproducible, and no two tests share hashes in the shared database.
        random = new Random(test.getDisplayName().hashCode());
        http = new Http(port);
        Organisation platform =
                staff.createOrganisation("admin", "Platform " + System.nanoTime(), OrganisationKind.OTHER);
        key = clients.create(
                        "admin",
                        "Fotoplatform",
                        platform.id(),
                        EnumSet.of(ApiScope.MATCH, ApiScope.HASHES_READ, ApiScope.MATCH_FEEDBACK),
                        10_000)
                .key();
    }

    private PdqHash randomHash() {
        return PdqHash.fromWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static PdqHash flip(PdqHash hash, int bits) {
        long[] words = {hash.word(0), hash.word(1), hash.word(2), hash.word(3)};
        for (int i = 0; i < bits; i++) {
            int bit = i * 7 % 256;
            words[bit / 64] ^= 1L << (bit % 64);
        }
        return PdqHash.fromWords(words[0], words[1], words[2], words[3]);
    }

    private HttpResponse<String> post(String path, String json) {
        return http.post(path, "application/json", json, Map.of("Authorization", "Bearer " + key));
    }

    private HttpResponse<String> get(String path) {
        return http.get(path, Map.of("Authorization", "Bearer " + key));
    }

    @Test
    void findsNearDuplicatesWithinTheThresholdAndRecordsTheMatch() {
        PdqHash victimImage = randomHash();
        UUID helpRequest = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        List<UUID> refs = banks.addVictimHashes(
                "portal",
                HashSource.HELP_REQUEST,
                helpRequest,
                UUID.randomUUID(),
                owner,
                true,
                List.of(new HashBanks.SubmittedHash(victimImage.toHex(), 100, null)));

        String body = "{\"hashes\":[\"" + flip(victimImage, 10).toHex() + "\",\""
                + flip(victimImage, 40).toHex() + "\",{\"hash\":\"" + victimImage.toHex() + "\",\"quality\":30}]}";
        HttpResponse<String> response = post("/api/v1/match", body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        JsonNode near = results.get(0).get("matches");
        assertThat(near).hasSize(1);
        assertThat(near.get(0).get("bank").asString()).isEqualTo("victims-under-18");
        assertThat(near.get(0).get("reference").asString())
                .isEqualTo(refs.getFirst().toString());
        assertThat(near.get(0).get("distance").asInt()).isEqualTo(10);
        assertThat(results.get(1).get("matches")).isEmpty();
        assertThat(results.get(2).get("rejected").asString()).isEqualTo("quality-below-50");

        assertThat(events.stream(HashMatched.class).filter(e -> helpRequest.equals(e.sourceId())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.ownerOrganisation()).isEqualTo(owner);
                    assertThat(e.distance()).isEqualTo(10);
                });
        assertThat(banks.statistics())
                .filteredOn(s -> s.bankId().equals("victims-under-18"))
                .singleElement()
                .satisfies(s -> assertThat(s.matches()).isEqualTo(1));
    }

    @Test
    void withdrawnHashesStopMatchingAndAppearInTheFeed() {
        PdqHash image = randomHash();
        UUID source = UUID.randomUUID();
        banks.addVictimHashes(
                "portal",
                HashSource.HELP_REQUEST,
                source,
                UUID.randomUUID(),
                null,
                false,
                List.of(new HashBanks.SubmittedHash(image.toHex(), 90, null)));
        assertThat(JSON.readTree(post("/api/v1/match", "{\"hashes\":[\"" + image.toHex() + "\"]}")
                                .body())
                        .get("results")
                        .get(0)
                        .get("matches"))
                .hasSize(1);
        assertThat(banks.withdrawAllFrom("victim", HashSource.HELP_REQUEST, source))
                .isEqualTo(1);
        assertThat(JSON.readTree(post("/api/v1/match", "{\"hashes\":[\"" + image.toHex() + "\"]}")
                                .body())
                        .get("results")
                        .get(0)
                        .get("matches"))
                .isEmpty();
        assertThat(events.stream(HashesWithdrawn.class)).isNotEmpty();
    }

    @Test
    void theFeedPagesStablyThroughAddsAndWithdrawals() {
        long start = JSON.readTree(get("/api/v1/hashes?cursor=0&limit=10000").body())
                .get("nextCursor")
                .asLong();
        List<UUID> added = banks.addStaffHashes(
                "staff",
                null,
                List.of(
                        new HashBanks.SubmittedHash(randomHash().toHex(), 80, null),
                        new HashBanks.SubmittedHash(randomHash().toHex(), 80, null),
                        new HashBanks.SubmittedHash(randomHash().toHex(), 80, "ab".repeat(32))));
        banks.withdraw("staff", added.get(1));

        JsonNode first =
                JSON.readTree(get("/api/v1/hashes?cursor=" + start + "&limit=2").body());
        assertThat(first.get("changes")).hasSize(2);
        assertThat(first.get("more").asBoolean()).isTrue();
        JsonNode second = JSON.readTree(
                get("/api/v1/hashes?cursor=" + first.get("nextCursor").asLong() + "&limit=2")
                        .body());
        assertThat(second.get("changes")).hasSize(2);
        assertThat(second.get("more").asBoolean()).isFalse();

        List<String> seen = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            for (JsonNode c : page.get("changes")) {
                seen.add(c.get("type").asString() + ":" + c.get("reference").asString());
            }
        }
        assertThat(seen)
                .containsExactly(
                        "added:" + added.get(0),
                        "added:" + added.get(1),
                        "added:" + added.get(2),
                        "withdrawn:" + added.get(1));
        // Asking again from the same cursor gives the same page.
        assertThat(get("/api/v1/hashes?cursor=" + start + "&limit=2").body()).isEqualTo(JSON.writeValueAsString(first));
    }

    @Test
    void badInputIsRefusedWithOneProblemPerHash() {
        HttpResponse<String> response = post("/api/v1/match", "{\"hashes\":[\"abc\",\"" + "z".repeat(64) + "\",42]}");
        assertThat(response.statusCode()).isEqualTo(422);
        List<String> codes = JSON.readTree(response.body())
                .get("errors")
                .valueStream()
                .map(e -> e.get("code").asString())
                .toList();
        assertThat(codes).containsExactly("hash-entry-invalid");

        HttpResponse<String> lengths = post("/api/v1/match", "{\"hashes\":[\"abc\",\"" + "z".repeat(64) + "\"]}");
        assertThat(JSON.readTree(lengths.body())
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("code").asString()))
                .containsExactly("hash-wrong-length", "hash-not-hex");

        StringBuilder many = new StringBuilder("{\"hashes\":[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append('"').append("0".repeat(64)).append('"');
        }
        HttpResponse<String> tooMany = post("/api/v1/match", many.append("]}").toString());
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(tooMany.body())
                        .get("errors")
                        .get(0)
                        .get("code")
                        .asString())
                .isEqualTo("hash-count");
        assertThat(post("/api/v1/match", "{\"hashes\":[]}").statusCode()).isEqualTo(422);
        assertThat(get("/api/v1/hashes?cursor=-1&limit=0").statusCode()).isEqualTo(422);
    }

    @Test
    void keysAndScopesAreEnforced() {
        assertThat(http.postJson("/api/v1/match", "{\"hashes\":[]}").statusCode())
                .isEqualTo(401);
        Organisation other =
                staff.createOrganisation("admin", "Alleen feed " + System.nanoTime(), OrganisationKind.OTHER);
        String feedOnly = clients.create("admin", "Feed", other.id(), EnumSet.of(ApiScope.HASHES_READ), 100)
                .key();
        HttpResponse<String> forbidden =
                http.post("/api/v1/match", "application/json", "{\"hashes\":[]}", Map.of("X-Api-Key", feedOnly));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void platformsConfirmOrRejectMatches() {
        List<UUID> refs = banks.addStaffHashes(
                "staff", null, List.of(new HashBanks.SubmittedHash(randomHash().toHex(), 70, null)));
        assertThat(post(
                                "/api/v1/match-feedback",
                                "{\"reference\":\"" + refs.getFirst() + "\",\"verdict\":\"false-positive\"}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(banks.statistics())
                .filteredOn(s -> s.bankId().equals("takedown"))
                .singleElement()
                .satisfies(s -> assertThat(s.rejected()).isEqualTo(1));
        HttpResponse<String> bad =
                post("/api/v1/match-feedback", "{\"reference\":\"" + UUID.randomUUID() + "\",\"verdict\":\"maybe\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body())
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("code").asString()))
                .containsExactlyInAnyOrder("verdict-invalid", "reference-unknown");
    }

    @Test
    void victimHashesNeedConsentAndEnoughQuality() {
        assertThatThrownBy(() -> banks.addStaffHashes(
                        "staff",
                        null,
                        List.of(new HashBanks.SubmittedHash(randomHash().toHex(), 20, null))))
                .isInstanceOfSatisfying(
                        nl.vangnet.shared.ApiProblem.class,
                        p -> assertThat(p.items())
                                .extracting(nl.vangnet.shared.ApiProblem.Item::code)
                                .containsExactly("quality-too-low"));
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO matching.hash (reference, bank_id, pdq, quality, source_type, source_id, added_at, added_by)
                        VALUES (gen_random_uuid(), 'victims-adult', decode(repeat('00', 32), 'hex'), 90, 'HELP_REQUEST',
                                gen_random_uuid(), now(), 'x')""").update()).hasMessageContaining("hash_victim_consent");
    }

    @Test
    void openApiDocumentsTheOperationsWithTheKeyScheme() {
        JsonNode doc = JSON.readTree(http.get("/v3/api-docs").body());
        assertThat(doc.get("paths").has("/api/v1/match")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/hashes")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/match-feedback")).isTrue();
        assertThat(doc.get("components")
                        .get("securitySchemes")
                        .get("apiKey")
                        .get("name")
                        .asString())
                .isEqualTo("X-Api-Key");
        System.out.println("OPENAPI-BODY "
                + doc.get("paths").get("/api/v1/match").get("post").get("requestBody"));
        // The documented example is accepted by the running application exactly as written.
        String example = doc.get("paths")
                .get("/api/v1/match")
                .get("post")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("example")
                .toString();
        HttpResponse<String> response = post("/api/v1/match", example);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Autowired
    MatchingCasePanel casePanel;

    @Autowired
    nl.vangnet.cases.CaseManagement cases;

    @Autowired
    nl.vangnet.intake.IntakeManagement intake;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theCasePageShowsTheVictimsHashesAndHowOftenPlatformsStoppedAnUpload() {
        Organisation hotline =
                staff.createOrganisation("admin", "Hulplijn hashes " + System.nanoTime(), OrganisationKind.HOTLINE);
        String username = "hash" + System.nanoTime() % 100000;
        StaffManagement.NewAccount created = staff.createAccount(
                "admin", username, "Hanna", hotline.id(), java.util.Set.of(nl.vangnet.identity.Role.HOTLINE));
        staff.changeOwnPassword(
                username,
                created.oneTimePassword(),
                nl.vangnet.cases.CaseFixtures.PASSWORD,
                nl.vangnet.cases.CaseFixtures.PASSWORD);
        var account = created.account();
        nl.vangnet.cases.Viewer viewer =
                new nl.vangnet.cases.Viewer(account.id(), account.username(), "Hanna", hotline.id(), account.roles());
        nl.vangnet.cases.CaseRouting.portalCasesTo(context, hotline.id());
        var submission = nl.vangnet.cases.CaseFixtures.helpRequest(intake, "");
        nl.vangnet.cases.CaseSummary summary =
                cases.owned(viewer, nl.vangnet.cases.CaseRouting.caseOf(context, submission.id()));
        assertThat(casePanel.panels(viewer, summary)).isEmpty(); // no hashes yet: no panel

        PdqHash image = randomHash();
        banks.addVictimHashes(
                "portal",
                HashSource.HELP_REQUEST,
                submission.id().value(),
                UUID.randomUUID(),
                hotline.id().value(),
                false,
                List.of(
                        new HashBanks.SubmittedHash(image.toHex(), 100, null),
                        new HashBanks.SubmittedHash(randomHash().toHex(), 90, null)));
        assertThat(post("/api/v1/match", "{\"hashes\":[\"" + flip(image, 4).toHex() + "\"]}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(casePanel.panels(viewer, summary)).singleElement().satisfies(panel -> {
            assertThat(panel.template()).isEqualTo("matching/case-panel");
            assertThat((List<?>) panel.model().get("banks"))
                    .singleElement()
                    .isEqualTo(new MatchingCasePanel.BankLine("victims-adult", 2, 0));
            MatchingCasePanel.Matches matches =
                    (MatchingCasePanel.Matches) panel.model().get("matches");
            assertThat(matches.total()).isEqualTo(1);
            assertThat(matches.lastWeek()).isEqualTo(1);
            assertThat(matches.platforms()).isEqualTo(1);
            assertThat(matches.last()).isNotNull();
        });

        // The owning organisation gets one task to follow up, however many uploads are stopped.
        nl.vangnet.cases.CaseFixtures.until(
                () -> jdbc.sql("SELECT count(*) FROM cases.task WHERE case_id = :id AND kind = 'PLATFORM_MATCH'")
                                .param("id", summary.id().value())
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(post("/api/v1/match", "{\"hashes\":[\"" + image.toHex() + "\"]}")
                        .statusCode())
                .isEqualTo(200);
        nl.vangnet.cases.CaseFixtures.until(
                () -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                        + " AND listener_id LIKE '%MatchTasks%'")
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM cases.task WHERE case_id = :id AND kind = 'PLATFORM_MATCH'")
                        .param("id", summary.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The case page shows it (the fragment renders, in Dutch).
        String page = nl.vangnet.cases.StaffClient.loggedIn(port, username, nl.vangnet.cases.CaseFixtures.PASSWORD)
                .get("/staff/cases/" + summary.id().value())
                .body();
        assertThat(page)
                .contains("Hashbanken", "2 hash(es) van beelden van het slachtoffer")
                .contains("Platforms hielden 2 keer een upload van een van deze beelden tegen (1 platform(s)).")
                .contains("Een platform hield een upload van een beeld van het slachtoffer tegen");

        // Another organisation's caseworker does not get the panel (nor the case).
        Organisation other =
                staff.createOrganisation("admin", "Andere hulplijn " + System.nanoTime(), OrganisationKind.HOTLINE);
        nl.vangnet.cases.Viewer outsider =
                new nl.vangnet.cases.Viewer(account.id(), "buiten", "Buiten", other.id(), account.roles());
        nl.vangnet.cases.CaseSummary asSeenByOutsider = new nl.vangnet.cases.CaseSummary(
                summary.id(),
                summary.reference(),
                summary.status(),
                summary.closingReason(),
                summary.channel(),
                summary.origin(),
                summary.ongoingThreat(),
                summary.minor(),
                summary.imagerySpreading(),
                summary.urgency(),
                summary.ageBand(),
                summary.openedAt(),
                summary.triagedAt(),
                summary.closedAt(),
                summary.organisationId(),
                summary.assignedTo(),
                summary.assignedName(),
                summary.replyUnread(),
                summary.primaryCode(),
                false,
                summary.victimDataErased(),
                summary.version());
        assertThat(casePanel.panels(outsider, asSeenByOutsider)).isEmpty();
    }
}
