package nl.vangnet.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.vangnet.Http;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@VangnetIntegrationTest
class TaxonomyApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void listsTheSixteenCodesOfTheCurrentVersion() {
        HttpResponse<String> response = http.get("/api/v1/taxonomy");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("version").asString()).isEqualTo("1");
        assertThat(body.get("codes")).hasSize(16);
        JsonNode sxtFin = body.get("codes").get(5);
        assertThat(sxtFin.get("code").asString()).isEqualTo("SXT-FIN");
        assertThat(sxtFin.get("label").get("nl").asString()).isEqualTo("Financiële afpersing met beeld");
        assertThat(sxtFin.get("label").get("en").asString()).isEqualTo("Financial sextortion");
        assertThat(sxtFin.get("definition").get("en").asString()).isNotBlank();
        assertThat(sxtFin.get("relatedArticles")).isNotEmpty();
        JsonNode motive = null;
        for (JsonNode d : sxtFin.get("dimensions")) {
            if (d.get("name").asString().equals("motive")) {
                motive = d;
            }
        }
        assertThat(motive).isNotNull();
        assertThat(motive.get("mandatory").asBoolean()).isTrue();
    }

    @Test
    void servesAVersionByNumberAndAProblemForAnUnknownOne() {
        assertThat(http.get("/api/v1/taxonomy/1").statusCode()).isEqualTo(200);
        HttpResponse<String> missing = http.get("/api/v1/taxonomy/99");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(missing).get("type").asString()).isEqualTo("urn:vangnet:problem:taxonomy-version-not-found");
    }

    @Test
    void acceptsAValidCoding() {
        HttpResponse<String> response = http.postJson("/api/v1/taxonomy/validate", """
                {"code":"SXT-FIN","dimensions":{"victimAgeAtIncident":"16-17","motive":"financial",
                 "demand":["money"],"imagery":"real-consensual","reach":"not-shared"}}""");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("valid").asBoolean()).isTrue();
    }

    @Test
    void listsEveryProblemOfAnInvalidCodingInDutchByDefault() {
        HttpResponse<String> response = http.postJson("/api/v1/taxonomy/validate", """
                {"code":"SXT-FIN","dimensions":{"victimAgeAtIncident":"99","colour":"blue","motive":7}}""");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(422);
        assertThat(body.get("title").asString()).isEqualTo("Codering ongeldig");
        List<String> codes = body.get("errors")
                .valueStream()
                .map(e -> e.get("code").asString())
                .toList();
        assertThat(codes)
                .containsExactlyInAnyOrder(
                        "value-wrong-type",
                        "value-not-allowed",
                        "unknown-dimension",
                        "mandatory-dimension-missing",
                        "mandatory-dimension-missing",
                        "mandatory-dimension-missing",
                        "mandatory-dimension-missing");
        assertThat(body.get("errors").valueStream().map(e -> e.get("message").asString()))
                .anySatisfy(m -> assertThat(m).contains("Waarde '99' is niet toegestaan"));
    }

    @Test
    void answersInEnglishWhenAsked() {
        HttpResponse<String> response = http.post(
                "/api/v1/taxonomy/validate",
                "application/json",
                "{\"code\":\"NOPE\"}",
                Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertThat(body.get("title").asString()).isEqualTo("Invalid coding");
        assertThat(body.get("errors").get(0).get("message").asString()).startsWith("Unknown code 'NOPE'");
        assertThat(body.get("errors").get(0).get("allowed")).hasSize(16);
    }

    @Test
    void malformedJsonIsABadRequestProblemWithoutInternals() {
        HttpResponse<String> response = http.postJson("/api/v1/taxonomy/validate", "{\"code\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:vangnet:problem:malformed-body");
        assertThat(response.body()).doesNotContain("Exception", "jackson", "at nl.");
    }

    @Test
    void wrongContentTypeIsRefused() {
        HttpResponse<String> response = http.post("/api/v1/taxonomy/validate", "text/plain", "code=SXT-FIN", Map.of());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:vangnet:problem:unsupported-media-type");
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "{\"code\":\"" + "x".repeat(300_000) + "\"}";
        HttpResponse<String> response = http.postJson("/api/v1/taxonomy/validate", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:vangnet:problem:body-too-large");
    }

    @Test
    void crosswalkGivesCandidateCodes() {
        HttpResponse<String> response =
                http.postJson("/api/v1/taxonomy/crosswalk", "{\"scheme\":\"nl-common\",\"category\":\"Wraakporno\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("candidates").get(0).get("codes").get(0).asString()).isEqualTo("IBA-DIS");
        assertThat(body.get("candidates").get(0).get("dimensions").get("motive").asString())
                .isEqualTo("revenge-or-humiliation");
    }

    @Test
    void crosswalkNamesUnknownSchemesAndMissingCategories() {
        HttpResponse<String> response = http.postJson("/api/v1/taxonomy/crosswalk", "{\"scheme\":\"mystery\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        List<String> codes = json(response)
                .get("errors")
                .valueStream()
                .map(e -> e.get("code").asString())
                .toList();
        assertThat(codes).containsExactly("unknown-scheme", "category-missing");
        HttpResponse<String> unknownCategory =
                http.postJson("/api/v1/taxonomy/crosswalk", "{\"scheme\":\"nl-common\",\"category\":\"iets anders\"}");
        assertThat(unknownCategory.statusCode()).isEqualTo(422);
        assertThat(json(unknownCategory).get("errors").get(0).get("code").asString())
                .isEqualTo("unknown-category");
    }

    @Test
    void unknownApiPathsAnswerWithAProblem() {
        HttpResponse<String> response = http.get("/api/v1/does-not-exist");
        assertThat(response.statusCode()).isIn(401, 404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void openApiDocumentDescribesTheTaxonomyOperations() {
        HttpResponse<String> response = http.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).get("paths");
        assertThat(paths.has("/api/v1/taxonomy")).isTrue();
        assertThat(paths.has("/api/v1/taxonomy/validate")).isTrue();
        assertThat(paths.has("/api/v1/taxonomy/crosswalk")).isTrue();
    }
}
