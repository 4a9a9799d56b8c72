package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import nl.vangnet.Http;
import nl.vangnet.VangnetIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The help-request API end to end on PostgreSQL: examples, validation, receipts, consent, privacy. */
@VangnetIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(
        properties = {
            "vangnet.demo=true",
            "vangnet.intake.lookup.max-failures-per-client=10",
            "vangnet.intake.receipt-hash.memory-kib=8192"
        })
class HelpRequestApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    IntakeManagement intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Events events;

    /** Collects the intake module's events, whichever thread (a request thread) publishes them. */
    static class Events {
        final List<Object> published = new CopyOnWriteArrayList<>();

        @EventListener
        void on(Object event) {
            if (event.getClass().getPackageName().equals("nl.vangnet.intake")) {
                published.add(event);
            }
        }

        <T> Stream<T> stream(Class<T> type) {
            return published.stream().filter(type::isInstance).map(type::cast);
        }
    }

    @TestConfiguration
    static class CollectEvents {
        @Bean
        Events intakeEvents() {
            return new Events();
        }
    }

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private JsonNode example(String path) {
        JsonNode docs = json(http.get("/v3/api-docs"));
        JsonNode examples = docs.get("paths")
                .get(path)
                .get("post")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("examples");
        assertThat(examples).as(path + " has an example").isNotNull();
        return examples.values().iterator().next().get("value");
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : JSON.writeValueAsString(value);
    }

    private HttpResponse<String> post(String path, String body, String language) {
        return http.post(path, "application/json", body, Map.of("Accept-Language", language));
    }

    @Test
    void theOpenApiExamplesAreAcceptedExactlyAsWritten() {
        HttpResponse<String> created = http.postJson("/api/v1/help-requests", text(example("/api/v1/help-requests")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> found =
                http.postJson("/api/v1/help-requests/lookup", text(example("/api/v1/help-requests/lookup")));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(json(found).get("messages").get(0).get("from").asString()).isEqualTo("professional");
        assertThat(http.get("/v3/api-docs").body()).contains("/api/v1/directory");
    }

    @Test
    void savesARequestAndReturnsTheReceiptTheCodingAndThePlan() {
        HttpResponse<String> response = post("/api/v1/help-requests", """
                {"happeningNow":"ongoing","happened":["threatened","shared"],"demand":["money"],
                 "imagesOnline":"yes","urls":["https://example.org/post/1"],"platforms":["instagram"],
                 "ageBand":"16-17","otherPerson":"online-only-contact","needs":["remove-images","stop-threats"],
                 "barriers":["shame","where-to-go"],"told":["nobody"],"askProfessional":true,
                 "contact":"bel me na vier uur","shareWith":["politie"]}""", "en");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        String receipt = body.get("receipt").asString();
        assertThat(receipt).matches("\\d{4} \\d{4} \\d{4} \\d{4} \\d{4}");
        assertThat(body.get("status").asString()).isEqualTo("waiting");
        assertThat(body.get("suggestedCoding").get("code").asString()).isEqualTo("SXT-FIN");
        assertThat(body.get("suggestedCoding").get("secondaryCodes").get(0).asString())
                .isEqualTo("IBA-DIS");
        JsonNode plan = body.get("helpPlan");
        assertThat(plan.get("urgent").asBoolean()).isTrue();
        assertThat(plan.get("steps").get(0).get("code").asString()).isEqualTo("no-pay");
        assertThat(plan.get("steps").get(0).get("text").asString()).startsWith("Do not pay");
        List<String> organisations = plan.get("organisations")
                .valueStream()
                .map(o -> o.get("slug").asString())
                .toList();
        assertThat(organisations).contains("helpwanted", "take-it-down").doesNotContain("stopncii", "stop-it-now");
        assertThat(plan.get("organisations")
                        .get(0)
                        .get("why")
                        .get(0)
                        .get("text")
                        .asString())
                .isNotBlank();

        // Coded answers are stored for research; what the victim typed is not readable in the database.
        HelpRequestSubmitted event = events.stream(HelpRequestSubmitted.class)
                .filter(e -> e.sharedWith().contains("politie"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> row = jdbc.sql("SELECT * FROM intake.help_request WHERE id = :id")
                .param("id", event.helpRequestId().value())
                .query()
                .listOfRows()
                .getFirst();
        assertThat(row.get("age_band")).isEqualTo("16-17");
        assertThat(row.get("url_count")).isEqualTo(1);
        assertThat(new String((byte[]) row.get("contact_encrypted"), StandardCharsets.ISO_8859_1))
                .doesNotContain("vier uur");
        assertThat(new String((byte[]) row.get("urls_encrypted"), StandardCharsets.ISO_8859_1))
                .doesNotContain("example.org");
        assertThat(row.get("receipt_hash").toString())
                .doesNotContain(receipt.replace(" ", "").substring(8));
        assertThat(row.keySet()).noneMatch(c -> c.matches("(.*_)?ip(_.*)?") || c.contains("address"));

        // The event carries IDs and codes only.
        assertThat(event.suggestedCode()).isEqualTo("SXT-FIN");

        assertThat(event.professionalHelpRequested()).isTrue();
        assertThat(event.sharedWith()).containsExactly("politie");
        assertThat(event.toString()).doesNotContain("vier uur", "example.org", receipt);

        // Nothing leaves without consent: shared with the police, not with anyone else.
        HelpRequestId id = event.helpRequestId();
        assertThat(intake.sharedWith(id, "politie")).isPresent();
        assertThat(intake.sharedWith(id, "csg")).isEmpty();
        assertThat(intake.hotlineQueue()).contains(id);

        // A professional writes; the victim reads it through the API with the receipt.
        intake.postProfessionalMessage(id, "Helpwanted", "Hoi, ik ben Sanne van Helpwanted. We helpen je.");
        HttpResponse<String> lookup = post("/api/v1/help-requests/lookup", "{\"receipt\":\"" + receipt + "\"}", "nl");
        assertThat(lookup.statusCode()).isEqualTo(200);
        JsonNode followUp = json(lookup);
        assertThat(followUp.get("status").asString()).isEqualTo("answered");
        assertThat(followUp.get("messages").get(0).get("text").asString()).contains("Sanne van Helpwanted");
        assertThat(followUp.get("consents")).hasSize(3);

        // Withdrawing the police consent stops the sharing at once.
        IntakeManagement.ConsentView police = intake.followUp(id).orElseThrow().consents().stream()
                .filter(c -> "politie".equals(c.organisation()))
                .findFirst()
                .orElseThrow();
        assertThat(intake.withdraw(id, police.id())).isTrue();
        assertThat(intake.sharedWith(id, "politie")).isEmpty();
        assertThat(events.stream(ConsentWithdrawn.class))
                .anyMatch(e -> e.helpRequestId().equals(id));

        // Withdrawing professional help erases the contact details and refuses further staff messages.
        IntakeManagement.ConsentView help = intake.followUp(id).orElseThrow().consents().stream()
                .filter(c -> c.scope() == ConsentScope.PROFESSIONAL_HELP)
                .findFirst()
                .orElseThrow();
        intake.withdraw(id, help.id());
        assertThat(jdbc.sql("SELECT contact_encrypted FROM intake.help_request WHERE id = :id")
                        .param("id", id.value())
                        .query()
                        .singleRow()
                        .get("contact_encrypted"))
                .isNull();
        assertThatThrownBy(() -> intake.postProfessionalMessage(id, "Helpwanted", "nog iets"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(intake.hotlineQueue()).doesNotContain(id);

        // Delete everything: the receipt no longer finds anything.
        assertThat(intake.delete(id)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM intake.message WHERE help_request_id = :id")
                        .param("id", id.value())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(post("/api/v1/help-requests/lookup", "{\"receipt\":\"" + receipt + "\"}", "nl")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPassphraseIsNeededWhenOneWasChosenAndWrongLooksLikeUnknown() {
        HttpResponse<String> created = http.postJson("/api/v1/help-requests", """
                {"happened":["received"],"passphrase":"mijn eigen zin"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String receipt = json(created).get("receipt").asString();
        HttpResponse<String> without =
                http.postJson("/api/v1/help-requests/lookup", "{\"receipt\":\"" + receipt + "\"}");
        HttpResponse<String> unknown =
                http.postJson("/api/v1/help-requests/lookup", "{\"receipt\":\"9999 9999 9999 9999 9999\"}");
        assertThat(without.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(without).get("title")).isEqualTo(json(unknown).get("title"));
        assertThat(json(without).get("detail")).isEqualTo(json(unknown).get("detail"));
        HttpResponse<String> with = http.postJson(
                "/api/v1/help-requests/lookup",
                "{\"receipt\":\"" + receipt.replace(" ", "") + "\",\"passphrase\":\"mijn eigen zin\"}");
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(json(with).get("status").asString()).isEqualTo("saved");
    }

    @Test
    void everyBadAnswerIsNamedInTheCallersLanguageAndNothingIsSaved() {
        long before = jdbc.sql("SELECT count(*) FROM intake.help_request")
                .query(Long.class)
                .single();
        HttpResponse<String> response = post("/api/v1/help-requests", """
                {"language":"nl","happeningNow":"maybe","happened":["shared","<script>"],"demand":["money"],
                 "urls":["javascript:alert(1)","https://example.org/ok"],"ageBand":"12-15","needs":["talk"],
                 "told":["nobody","friend"],"contact":"<b>hoi</b>","shareWith":["nobody-org"],"passphrase":"kort"}""", "en");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertThat(body.get("title").asString()).isEqualTo("Help request incomplete");
        List<String> codes = body.get("errors")
                .valueStream()
                .map(e -> e.get("code").asString())
                .toList();
        assertThat(codes)
                .containsExactlyInAnyOrder(
                        "unknown-option",
                        "unknown-option",
                        "demand-without-threat",
                        "url-invalid",
                        "told-nobody-and-others",
                        "text-markup",
                        "contact-without-help",
                        "unknown-organisation",
                        "passphrase-length");
        assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("now", "what", "demand", "urls", "told", "contact", "shareWith", "passphrase");
        assertThat(jdbc.sql("SELECT count(*) FROM intake.help_request")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        HttpResponse<String> english = post("/api/v1/help-requests", "{\"ageBand\":\"99\"}", "en");
        assertThat(json(english).get("errors").get(0).get("message").asString())
                .isEqualTo("Choose an answer from the list.");
        assertThat(http.postJson("/api/v1/help-requests", "{\"colour\":\"blue\"}")
                        .statusCode())
                .as("unknown fields are refused, not ignored")
                .isEqualTo(400);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void guessingReceiptsIsThrottledWithAClearAnswer() {
        HttpResponse<String> malformed = http.postJson("/api/v1/help-requests/lookup", "{\"receipt\":\"12345\"}");
        assertThat(malformed.statusCode()).isEqualTo(422);
        // Other tests in this class share the client (loopback) and its failure count.
        int throttledAt = -1;
        for (int i = 0; i < 11; i++) {
            HttpResponse<String> guess = http.postJson(
                    "/api/v1/help-requests/lookup", "{\"receipt\":\"5555 5555 5555 5555 55" + (10 + i) + "\"}");
            if (guess.statusCode() == 429) {
                throttledAt = i;
                assertThat(guess.headers().firstValue("Retry-After")).isPresent();
                assertThat(json(guess).get("type").asString()).isEqualTo("urn:vangnet:problem:too-many-requests");
                break;
            }
            assertThat(guess.statusCode()).isEqualTo(404);
        }
        assertThat(throttledAt).as("refused within the per-client limit of 10").isBetween(0, 10);
    }

    @Test
    void theDirectoryIsPublicWithAvailabilityPerChannel() {
        HttpResponse<String> response = http.get("/api/v1/directory");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("timeZone").asString()).isEqualTo("Europe/Amsterdam");
        JsonNode csg = body.get("organisations")
                .valueStream()
                .filter(o -> o.get("slug").asString().equals("csg"))
                .findFirst()
                .orElseThrow();
        assertThat(csg.get("channels").get(0).get("contact").asString()).isEqualTo("0800 0188");
        assertThat(csg.get("channels").get(0).get("availability").asString()).isEqualTo("open");
        JsonNode loket = body.get("organisations")
                .valueStream()
                .filter(o -> o.get("slug").asString().equals("juridisch-loket"))
                .findFirst()
                .orElseThrow();
        assertThat(loket.get("channels").get(0).get("verified").asBoolean())
                .as("the unverified number is marked")
                .isFalse();
        assertThat(loket.get("channels").get(0).get("availability").asString()).isEqualTo("unknown");
    }
}
