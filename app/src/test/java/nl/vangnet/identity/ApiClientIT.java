package nl.vangnet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import nl.vangnet.Http;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@VangnetIntegrationTest
class ApiClientIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiClientManagement clients;

    @Autowired
    StaffManagement staff;

    @Autowired
    JdbcClient jdbc;

    Http http;
    Organisation platform;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        platform = staff.createOrganisation("admin", "Platform " + System.nanoTime(), OrganisationKind.OTHER);
    }

    private static String errorCode(HttpResponse<String> response) {
        JsonNode body = JSON.readTree(response.body());
        return body.get("errors").get(0).get("code").asString();
    }

    @Test
    void aKeyIsShownOnceAndOnlyItsHashIsStored() {
        ApiClientManagement.NewClient created =
                clients.create("admin", "Fotoplatform", platform.id(), EnumSet.of(ApiScope.MATCH), 60);
        assertThat(created.key()).matches("vgk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}");
        String stored = jdbc.sql("SELECT key_hash FROM identity.api_client WHERE id = :id")
                .param("id", created.client().id())
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).doesNotContain(created.key().substring(18));
        assertThat(clients.check(created.key())).isInstanceOf(ApiClientManagement.Check.Valid.class);
        String tampered = created.key().substring(0, created.key().length() - 1)
                + (created.key().endsWith("A") ? "B" : "A");
        assertThat(clients.check(tampered)).isInstanceOf(ApiClientManagement.Check.Unknown.class);
    }

    @Test
    void missingMalformedUnknownAndRevokedKeysGetTheExactProblem() {
        assertThat(http.get("/api/v1/private").statusCode()).isEqualTo(401);

        HttpResponse<String> malformed = http.get("/api/v1/private", Map.of("Authorization", "Bearer nonsense"));
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(errorCode(malformed)).isEqualTo("api-key-malformed");

        HttpResponse<String> unknown = http.get(
                "/api/v1/private", Map.of("X-Api-Key", "vgk_AAAAAAAAAAAA_" + "A".repeat(43), "Accept-Language", "en"));
        assertThat(errorCode(unknown)).isEqualTo("api-key-invalid");
        assertThat(JSON.readTree(unknown.body())
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .isEqualTo("The API key is unknown.");

        ApiClientManagement.NewClient created =
                clients.create("admin", "Ingetrokken", platform.id(), EnumSet.of(ApiScope.MATCH), 60);
        HttpResponse<String> valid = http.get("/api/v1/private", Map.of("Authorization", "Bearer " + created.key()));
        assertThat(valid.statusCode()).isEqualTo(404);
        clients.revoke("admin", created.client().id());
        HttpResponse<String> revoked = http.get("/api/v1/private", Map.of("Authorization", "Bearer " + created.key()));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(errorCode(revoked)).isEqualTo("api-key-revoked");
    }

    @Test
    void eachClientHasItsOwnRateLimit() {
        ApiClientManagement.NewClient slow =
                clients.create("admin", "Langzaam", platform.id(), EnumSet.of(ApiScope.MATCH), 3);
        ApiClientManagement.NewClient other =
                clients.create("admin", "Ander", platform.id(), EnumSet.of(ApiScope.MATCH), 3);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v1/private", Map.of("X-Api-Key", slow.key()))
                            .statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> limited = http.get("/api/v1/private", Map.of("X-Api-Key", slow.key()));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(errorCode(limited)).isEqualTo("rate-limit-exceeded");
        assertThat(http.get("/api/v1/private", Map.of("X-Api-Key", other.key())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesInvalidClientsWithEveryReason() {
        assertThatThrownBy(
                        () -> clients.create("admin", "", new OrganisationId(java.util.UUID.randomUUID()), Set.of(), 0))
                .isInstanceOfSatisfying(
                        StaffManagement.IdentityProblem.class,
                        p -> assertThat(p.messageKeys())
                                .containsExactlyInAnyOrder(
                                        "apiclient.name.invalid",
                                        "account.organisation.unknown",
                                        "apiclient.scopes.missing",
                                        "apiclient.rate.invalid"));
    }
}
