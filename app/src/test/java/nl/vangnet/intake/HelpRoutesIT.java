package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.Http;
import nl.vangnet.MovableClock;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.directory.Channel;
import nl.vangnet.directory.HelpDirectory;
import nl.vangnet.directory.OpeningHours;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The help routes on the real seeded directory (V11 + V53): which organisation comes first for the
 * situations of issue 12, and the safety steps on the web route (pages, with skipped questions and
 * the urgent shortcut) and the API route, for seeded random answer combinations.
 */
@VangnetIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "vangnet.intake.receipt-hash.memory-kib=8192")
class HelpRoutesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class Clocks {
        /** A Monday at 14:00 in the Netherlands: De Kindertelefoon is open, nobody else's hours are known. */
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(LocalDateTime.parse("2026-11-23T14:00")
                    .atZone(OpeningHours.ZONE)
                    .toInstant());
        }
    }

    @Autowired
    IntakeManagement intake;

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    private static IntakeAnswers answers(Object... pairs) {
        IntakeAnswers a = IntakeAnswers.EMPTY;
        for (int i = 0; i < pairs.length; i += 2) {
            Question q = (Question) pairs[i];
            Object v = pairs[i + 1];
            a = a.with(
                    q, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of((String) v));
        }
        return a;
    }

    private List<String> organisations(IntakeAnswers a) {
        return intake.plan(a).organisations().stream()
                .map(m -> m.organisation().slug())
                .toList();
    }

    @Test
    void aMinorInSextortionGetsHelpwantedFirstThenThePoliceWithoutTwelveOneOne() {
        IntakeAnswers a = answers(
                Question.NOW,
                "stopped",
                Question.WHAT,
                List.of("threatened", "shared"),
                Question.DEMAND,
                List.of("money"),
                Question.AGE,
                "16-17",
                Question.WHO,
                "online-only-contact",
                Question.NEED,
                List.of("remove-images", "stop-threats", "talk"));
        HelpPlan plan = intake.plan(a);
        assertThat(organisations(a)).startsWith("helpwanted", "politie").contains("take-it-down");
        assertThat(organisations(a)).doesNotContain("stopncii", "veilig-thuis");
        HelpDirectory.Match police = plan.organisations().get(1);
        assertThat(police.reasons()).contains("minor-offence");
        assertThat(police.channels())
                .extracting(Channel::contact)
                .doesNotContain("112")
                .contains("0900 8844");
        assertThat(plan.organisations().getFirst().reasons()).startsWith("specialist");
    }

    @Test
    void theUrgentShortcutAndSkippedWhoNeverPutVeiligThuisFirst() {
        IntakeAnswers fast = answers(Question.NOW, "ongoing");
        assertThat(organisations(fast)).first().isEqualTo("helpwanted");
        assertThat(organisations(fast)).doesNotContain("veilig-thuis");
        assertThat(intake.plan(fast).steps()).startsWith("no-pay");
        IntakeAnswers whoSkipped =
                answers(Question.WHAT, List.of("shared"), Question.AGE, "25-plus", Question.WHO, List.of());
        assertThat(organisations(whoSkipped)).first().isEqualTo("helpwanted");
        assertThat(organisations(whoSkipped)).doesNotContain("veilig-thuis", "kindertelefoon", "sense", "take-it-down");
        // Family involved: Veilig Thuis is offered, after the specialist.
        IntakeAnswers family = answers(Question.WHAT, List.of("shared"), Question.AGE, "12-15", Question.WHO, "family");
        assertThat(organisations(family)).startsWith("helpwanted", "politie").contains("veilig-thuis");
    }

    @Test
    void anAdultGroomingAChildGetsHelpwantedAndThePoliceWhateverNeedWasTicked() {
        IntakeAnswers a = answers(
                Question.WHAT, List.of("flattery", "private-chat", "secret"),
                Question.AGE, "12-15",
                Question.WHO, "online-only-contact",
                Question.THEIR_AGE, "adult",
                Question.NEED, List.of("talk"));
        HelpPlan plan = intake.plan(a);
        assertThat(intake.suggest(a).code()).isEqualTo("GRM");
        assertThat(organisations(a)).startsWith("helpwanted", "politie").contains("kindertelefoon");
        assertThat(plan.steps()).contains("no-meet", "secret-ok", "trusted-adult", "police", "crisis");
        // De Kindertelefoon is open on Monday 14:00 and says so.
        assertThat(plan.organisations().stream()
                        .filter(m -> m.organisation().slug().equals("kindertelefoon"))
                        .findFirst()
                        .orElseThrow()
                        .reasons())
                .contains("age", "open-now");
    }

    @Test
    void inDangerThePoliceComeFirstWithTwelveOneOne() {
        HelpPlan plan = intake.plan(answers(Question.NOW, "danger"));
        assertThat(plan.organisations().getFirst().organisation().slug()).isEqualTo("politie");
        assertThat(plan.organisations().getFirst().channels())
                .extracting(Channel::contact)
                .contains("112");
        assertThat(plan.steps()).first().isEqualTo("danger");
    }

    @Test
    void servicesForYoungPeopleAreNotOfferedToOlderPeople() {
        IntakeAnswers older = answers(Question.AGE, "25-plus", Question.NEED, List.of("talk", "not-sure"));
        assertThat(organisations(older))
                .doesNotContain("sense", "kindertelefoon", "take-it-down", "meldpunt-kinderporno");
        IntakeAnswers young = answers(Question.AGE, "18-24", Question.NEED, List.of("talk", "not-sure"));
        assertThat(intake.plan(young).organisations().stream()
                        .filter(m -> m.organisation().slug().equals("sense"))
                        .findFirst())
                .hasValueSatisfying(m -> assertThat(m.reasons()).contains("age"));
    }

    // ---- generated routes through the pages and the API ----

    private static final Pattern STEP = Pattern.compile("data-step=\"([a-z-]+)\"");

    private static List<String> stepsIn(String html) {
        List<String> steps = new ArrayList<>();
        Matcher m = STEP.matcher(html);
        while (m.find()) {
            steps.add(m.group(1));
        }
        return steps;
    }

    private static List<String> some(Random random, Question q) {
        List<String> values = new ArrayList<>();
        for (String option : q.options()) {
            if (random.nextInt(q.multiple() ? 4 : q.options().size() + 1) == 0) {
                values.add(option);
                if (!q.multiple()) {
                    break;
                }
            }
        }
        return AnswerRules.options(q, values).isEmpty() ? values : List.of();
    }

    /**
     * Seeded random routes through the real pages: each applicable question answered, skipped, or
     * (sometimes) the route stops and opens the plan straight away, as the urgent page offers. The
     * plan page must show the steps the oracle asks for.
     */
    @Test
    void generatedRoutesThroughThePagesShowTheSafetyStepsTheirAnswersCallFor() throws Exception {
        Random random = new Random(4_212L);
        for (int route = 0; route < 60; route++) {
            MockHttpSession session = new MockHttpSession();
            IntakeAnswers expected = IntakeAnswers.EMPTY;
            int stopAfter = random.nextInt(4) == 0 ? 1 : 99; // a quarter take the urgent shortcut
            int asked = 0;
            for (Question q : Question.values()) {
                if (asked >= stopAfter || !Question.applicable(expected).contains(q)) {
                    continue;
                }
                asked++;
                boolean skip = random.nextInt(3) == 0;
                List<String> values = skip ? List.of() : some(random, q);
                MockHttpServletRequestBuilder request =
                        post("/hulp/" + q.slug()).session(session).with(csrf()).param("action", skip ? "skip" : "next");
                for (String v : values) {
                    request = request.param("answer", v);
                }
                mvc.perform(request);
                expected = expected.with(q, values);
            }
            String html = mvc.perform(get("/hulp/plan").session(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> steps = stepsIn(html);
            assertThat(steps)
                    .as(expected.toString())
                    .isEqualTo(intake.plan(expected).steps());
            assertThat(SafetyStepOracle.violations(expected, steps))
                    .as("%s gives %s", expected, steps)
                    .isEmpty();
        }
    }

    /** Seeded random requests through the API: the plan in the response carries the same safety steps. */
    @Test
    void generatedRequestsThroughTheApiGetTheSafetyStepsTheirAnswersCallFor() throws Exception {
        Http http = new Http(port);
        Random random = new Random(4_213L);
        for (int n = 0; n < 25; n++) {
            IntakeAnswers a = IntakeAnswers.EMPTY;
            for (Question q : Question.values()) {
                if (Question.applicable(a).contains(q)) {
                    a = a.with(q, some(random, q));
                }
            }
            // A skipped question is a missing field.
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
            if (a.happeningNow() != null) {
                fields.put("happeningNow", a.happeningNow());
            }
            fields.put("happened", a.happened());
            fields.put("demand", a.demand());
            if (a.ageBand() != null) {
                fields.put("ageBand", a.ageBand());
            }
            if (a.otherPerson() != null) {
                fields.put("otherPerson", a.otherPerson());
            }
            if (a.otherPersonAge() != null) {
                fields.put("otherPersonAge", a.otherPersonAge());
            }
            fields.put("needs", a.needs());
            String body = JSON.writeValueAsString(fields);
            var response = http.postJson("/api/v1/help-requests", body);
            assertThat(response.statusCode())
                    .as(body + " -> " + response.body())
                    .isEqualTo(201);
            JsonNode plan = JSON.readTree(response.body()).get("helpPlan");
            List<String> steps = new ArrayList<>();
            plan.get("steps").forEach(s -> steps.add(s.get("code").asText()));
            IntakeAnswers given = new IntakeAnswers(
                    a.happeningNow(),
                    a.happened(),
                    a.demand(),
                    null,
                    List.of(),
                    java.util.Set.of(),
                    a.ageBand(),
                    a.otherPerson(),
                    a.otherPersonAge(),
                    a.needs(),
                    java.util.Set.of(),
                    java.util.Set.of(),
                    java.util.Set.of());
            assertThat(SafetyStepOracle.violations(given, steps))
                    .as("%s gives %s", body, steps)
                    .isEmpty();
            assertThat(steps).isEqualTo(intake.plan(given).steps());
        }
    }
}
