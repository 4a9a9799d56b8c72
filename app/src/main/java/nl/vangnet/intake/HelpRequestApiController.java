package nl.vangnet.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vangnet.directory.HelpDirectory;
import nl.vangnet.shared.ApiProblem;
import nl.vangnet.shared.Languages;
import nl.vangnet.shared.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The help portal for partner apps and chat services: the same answers, validation, consent rules
 * and throttling as the pages. Texts come back in the language of {@code Accept-Language} (or the
 * {@code language} field), Dutch by default.
 */
@RestController
@RequestMapping(path = "/api/v1/help-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Help requests", description = "Anonymous help requests with a receipt code")
class HelpRequestApiController {

    static final String CREATE_EXAMPLE = """
            {"language":"nl","happeningNow":"ongoing","happened":["threatened","shared"],"demand":["money"],\
            "imagesOnline":"yes","urls":["https://voorbeeld.example.org/bericht/123"],"platforms":["instagram"],\
            "ageBand":"16-17","otherPerson":"online-only-contact","otherPersonAge":"adult","needs":["remove-images","stop-threats"],\
            "barriers":["shame","where-to-go"],"told":["nobody"],"askProfessional":true,\
            "contact":"Bel me na 16 uur op 06 12345678","shareWith":["helpwanted"],"passphrase":""}""";

    /** The receipt of the synthetic request that demo mode seeds (see DemoHelpRequest). */
    static final String LOOKUP_EXAMPLE = """
            {"receipt":"1000 0000 0000 0000 0001","passphrase":""}""";

    private static final tools.jackson.databind.json.JsonMapper STRICT =
            tools.jackson.databind.json.JsonMapper.builder()
                    .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private final IntakeManagement intake;
    private final Problems problems;
    private final MessageSource messages;

    HelpRequestApiController(IntakeManagement intake, Problems problems, MessageSource messages) {
        this.intake = intake;
        this.problems = problems;
        this.messages = messages;
    }

    record CreateRequest(
            @Nullable String language,
            @Nullable String happeningNow,
            @Nullable List<String> happened,
            @Nullable List<String> demand,
            @Nullable String imagesOnline,
            @Nullable List<String> urls,
            @Nullable List<String> platforms,
            @Nullable String ageBand,
            @Nullable String otherPerson,
            @Nullable String otherPersonAge,
            @Nullable List<String> needs,
            @Nullable List<String> barriers,
            @Nullable List<String> told,
            @Nullable Boolean askProfessional,
            @Nullable String contact,
            @Nullable List<String> shareWith,
            @Nullable String passphrase,
            @Nullable String ownWords) {}

    record LookupRequest(@Nullable String receipt, @Nullable String passphrase) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Save an anonymous help request; returns the receipt code (shown once), the suggested "
                    + "coding and the help plan. 422 lists every problem with the input.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples =
                                                    @ExampleObject(
                                                            name = "urgent-sextortion",
                                                            value = CREATE_EXAMPLE))))
    ResponseEntity<Map<String, Object>> create(@RequestBody String json, Locale requestLocale) {
        CreateRequest body = strict(json, CreateRequest.class);
        Locale locale = body.language() == null ? requestLocale : Languages.supportedOrDefault(body.language());
        List<AnswerRules.Problem> found = new ArrayList<>();
        if (body.language() != null && !List.of("nl", "en").contains(body.language())) {
            found.add(AnswerRules.Problem.of("language", "language-unknown"));
        }
        IntakeAnswers answers = IntakeAnswers.EMPTY;
        answers = answer(answers, Question.NOW, single(body.happeningNow()), found);
        answers = answer(answers, Question.WHAT, list(body.happened()), found);
        if (!list(body.demand()).isEmpty() && !answers.happened().contains("threatened")) {
            found.add(AnswerRules.Problem.of("demand", "demand-without-threat"));
        } else {
            answers = answer(answers, Question.DEMAND, list(body.demand()), found);
        }
        answers = answer(answers, Question.IMAGES, single(body.imagesOnline()), found);
        List<String> urls = list(body.urls()).stream()
                .map(u -> u == null ? "" : AnswerRules.normaliseUrl(u))
                .toList();
        if (urls.size() > AnswerRules.MAX_URLS) {
            found.add(AnswerRules.Problem.of("urls", "urls-too-many", AnswerRules.MAX_URLS));
        } else {
            for (int i = 0; i < urls.size(); i++) {
                if (urls.get(i) == null || !AnswerRules.validUrl(urls.get(i))) {
                    found.add(AnswerRules.Problem.of("urls", "url-invalid", i + 1, "…"));
                }
            }
            answers = answers.withUrls(urls.stream().distinct().toList());
        }
        answers = answer(answers, Question.PLATFORMS, list(body.platforms()), found);
        answers = answer(answers, Question.AGE, single(body.ageBand()), found);
        answers = answer(answers, Question.WHO, single(body.otherPerson()), found);
        if (body.otherPersonAge() != null && !answers.mayBeMinor()) {
            found.add(AnswerRules.Problem.of("otherPersonAge", "their-age-for-adult"));
        } else {
            answers = answer(answers, Question.THEIR_AGE, single(body.otherPersonAge()), found);
        }
        answers = answer(answers, Question.NEED, list(body.needs()), found);
        answers = answer(answers, Question.BARRIERS, list(body.barriers()), found);
        answers = answer(answers, Question.TOLD, list(body.told()), found);
        IntakeManagement.SaveChoices choices = new IntakeManagement.SaveChoices(
                Boolean.TRUE.equals(body.askProfessional()),
                body.contact(),
                list(body.shareWith()),
                body.passphrase(),
                body.ownWords());
        try {
            intake.check(choices);
        } catch (IntakeProblem problem) {
            found.addAll(problem.problems());
        }
        if (!found.isEmpty()) {
            throw invalid(found);
        }
        IntakeManagement.Submission submission = intake.submit(answers, choices, IntakeManagement.Source.API, locale);
        Map<String, Object> response = new java.util.LinkedHashMap<>();
        response.put("receipt", submission.receipt());
        response.put("status", choices.askProfessional() ? "waiting" : "saved");
        response.put("suggestedCoding", submission.coding());
        response.put("helpPlan", planView(submission.plan(), locale));
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Status and messages of a help request, by receipt code (and passphrase if one was set). "
                    + "Unknown and wrong codes get the same 404; repeated failures get 429 with Retry-After.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples = @ExampleObject(name = "demo-receipt", value = LOOKUP_EXAMPLE))))
    ResponseEntity<Map<String, Object>> lookup(@RequestBody String json, HttpServletRequest request, Locale locale) {
        LookupRequest body = strict(json, LookupRequest.class);
        IntakeManagement.Lookup outcome = intake.lookup(
                body.receipt() == null ? "" : body.receipt(),
                body.passphrase() == null ? "" : body.passphrase(),
                request.getRemoteAddr());
        return switch (outcome) {
            case IntakeManagement.Lookup.Found found -> {
                IntakeManagement.FollowUp followUp =
                        intake.followUp(found.id()).orElseThrow(() -> new ApiProblem(404, "receipt-not-found"));
                Map<String, Object> response = new java.util.LinkedHashMap<>();
                response.put("status", followUp.status().name().toLowerCase(Locale.ROOT));
                response.put("createdAt", followUp.createdAt());
                response.put("professionalHelpRequested", followUp.helpRequested());
                response.put(
                        "messages",
                        followUp.messages().stream()
                                .map(m -> new MessageView(
                                        m.fromVictim() ? "victim" : "professional", m.authorLabel(), m.text(), m.at()))
                                .toList());
                response.put(
                        "consents",
                        followUp.consents().stream()
                                .map(c -> new ConsentView(
                                        c.scope()
                                                .name()
                                                .toLowerCase(Locale.ROOT)
                                                .replace('_', '-'),
                                        c.organisation(),
                                        c.grantedAt(),
                                        c.withdrawnAt()))
                                .toList());
                response.put("helpPlan", planView(followUp.plan(), locale));
                yield ResponseEntity.ok(response);
            }
            case IntakeManagement.Lookup.NotFound notFound -> throw new ApiProblem(404, "receipt-not-found");
            case IntakeManagement.Lookup.Malformed malformed ->
                throw new ApiProblem(
                        422,
                        "receipt-malformed",
                        List.of(new ApiProblem.Item(
                                "receipt-malformed",
                                "receipt",
                                "intake.problem.receipt-malformed",
                                List.of(Receipt.DIGITS),
                                Map.of())));
            case IntakeManagement.Lookup.Throttled throttled -> {
                long seconds = Math.max(1, throttled.retryAfter().toSeconds());
                ResponseEntity<Map<String, Object>> refused =
                        problems.response(new ApiProblem(429, "too-many-requests"), request.getRequestURI(), locale);
                yield ResponseEntity.status(429)
                        .headers(refused.getHeaders())
                        .header("Retry-After", String.valueOf(seconds))
                        .body(refused.getBody());
            }
        };
    }

    record MessageView(String from, @Nullable String author, String text, Instant at) {}

    record ConsentView(
            String scope,
            @Nullable String organisation,
            Instant grantedAt,
            @Nullable Instant withdrawnAt) {}

    record StepView(String code, String text) {}

    record ReasonView(String code, String text) {}

    record ChannelView(String type, String contact, boolean verified, String hours, String availability) {}

    record OrganisationView(
            String slug, String name, String description, List<ReasonView> why, List<ChannelView> channels) {}

    record PlanView(boolean urgent, Instant at, List<StepView> steps, List<OrganisationView> organisations) {}

    private PlanView planView(HelpPlan plan, Locale locale) {
        List<StepView> steps = plan.steps().stream()
                .map(s -> new StepView(s, text("intake.step." + s, locale)))
                .toList();
        List<OrganisationView> organisations = new ArrayList<>();
        for (HelpDirectory.Match match : plan.organisations()) {
            organisations.add(new OrganisationView(
                    match.organisation().slug(),
                    match.organisation().name(),
                    match.organisation().description().in(locale),
                    match.reasons().stream()
                            .map(r -> new ReasonView(r, text("directory.reason." + r, locale)))
                            .toList(),
                    match.channels().stream()
                            .map(c -> new ChannelView(
                                    c.type().code(),
                                    c.contact(),
                                    c.verified(),
                                    c.hours().kind().name().toLowerCase(Locale.ROOT),
                                    c.availabilityAt(plan.at()).name().toLowerCase(Locale.ROOT)))
                            .toList()));
        }
        return new PlanView(plan.urgent(), plan.at(), steps, organisations);
    }

    /**
     * Reads a body strictly: an unknown field is refused (400) rather than ignored, so a partner
     * app with a typo in a field name learns at once that an answer did not arrive.
     */
    private static <T> T strict(String json, Class<T> type) {
        try {
            T value = STRICT.readValue(json, type);
            if (value == null) {
                throw new ApiProblem(400, "malformed-body");
            }
            return value;
        } catch (tools.jackson.core.JacksonException e) {
            throw new ApiProblem(400, "malformed-body");
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static IntakeAnswers answer(
            IntakeAnswers answers, Question question, List<String> values, List<AnswerRules.Problem> found) {
        List<AnswerRules.Problem> problems = AnswerRules.options(question, values);
        found.addAll(problems);
        return problems.isEmpty() && !values.isEmpty() ? answers.with(question, values) : answers;
    }

    private static List<String> single(@Nullable String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(v -> v == null ? "" : v).toList();
    }

    private static ApiProblem invalid(List<AnswerRules.Problem> found) {
        List<ApiProblem.Item> items = found.stream()
                .map(p -> new ApiProblem.Item(p.code(), p.field(), p.messageKey(), p.arguments(), Map.of()))
                .toList();
        return new ApiProblem(422, "help-request-invalid", items);
    }
}
