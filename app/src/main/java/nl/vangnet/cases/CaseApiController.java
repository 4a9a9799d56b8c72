package nl.vangnet.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.identity.StaffPrincipal;
import nl.vangnet.shared.ApiProblem;
import nl.vangnet.shared.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API for staff clients, with exactly the scoping of the workspace: the staff session
 * (cookie) authenticates, the CSRF token from {@code GET /api/v1/cases/session} goes in {@code
 * X-CSRF-TOKEN} on every change, anything outside the caller's scope is a 404 problem, police send
 * their reason in {@code X-Reason}, and changes carry the version they read (409 when someone else
 * changed the case in between).
 */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Cases (staff)",
        description = "Case files, incidents and coding, messages and consents; staff session + CSRF header")
class CaseApiController {

    private final CaseManagement cases;
    private final Problems problems;

    CaseApiController(CaseManagement cases, Problems problems) {
        this.cases = cases;
        this.problems = problems;
    }

    /** Who is calling, and the CSRF token to send back in {@code X-CSRF-TOKEN}. */
    record Session(String username, UUID organisation, List<String> roles, String csrfHeader, String csrfToken) {}

    @GetMapping("/session")
    @Operation(summary = "The caller's staff session and the CSRF token for changes")
    Session session(@AuthenticationPrincipal StaffPrincipal principal, HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Session(
                principal.getUsername(),
                principal.organisationId().value(),
                principal.roles().stream().map(Enum::name).sorted().toList(),
                token == null ? "X-CSRF-TOKEN" : token.getHeaderName(),
                token == null ? "" : token.getToken());
    }

    @GetMapping
    @Operation(summary = "The triage queue of the caller's organisation, counts, and open cases shared with it")
    CaseManagement.Queue queue(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        return cases.queue(Viewer.of(principal), Math.max(10, Math.min(limit, 500)));
    }

    @GetMapping("/search")
    @Operation(summary = "Search cases in the caller's scope, newest first, 50 per page")
    CaseManagement.SearchResult search(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "reference", required = false) @Nullable String reference,
            @RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "code", required = false) @Nullable String code,
            @RequestParam(name = "urgent", defaultValue = "false") boolean urgent,
            @RequestParam(name = "mine", defaultValue = "false") boolean mine,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        return cases.search(
                Viewer.of(principal),
                new CaseManagement.SearchQuery(
                        reference,
                        CasePages.enumValue(CaseStatus.class, status),
                        code,
                        urgent,
                        mine,
                        null,
                        null,
                        page));
    }

    /** A case opened by staff. */
    record NewCase(
            @Nullable String channel,
            @Nullable Boolean ongoingThreat,
            @Nullable Boolean minor,
            @Nullable Boolean imagerySpreading,
            @Nullable String ageBand,
            @Nullable String narrative,
            @Nullable String contact) {}

    /** The identity of a created thing. */
    record Created(UUID id) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a case for someone who called, chatted, e-mailed or walked in")
    ResponseEntity<Created> create(@AuthenticationPrincipal StaffPrincipal principal, @RequestBody NewCase body) {
        CaseChannel channel = CasePages.enumValue(CaseChannel.class, body.channel());
        CaseId id = cases.create(
                Viewer.of(principal),
                new CaseManagement.NewCaseForm(
                        channel == null ? CaseChannel.IMPORT : channel,
                        Boolean.TRUE.equals(body.ongoingThreat()),
                        Boolean.TRUE.equals(body.minor()),
                        Boolean.TRUE.equals(body.imagerySpreading()),
                        body.ageBand(),
                        body.narrative(),
                        body.contact()));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(new Created(id.value()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One case, with exactly the parts the caller's organisation may see (the read is audited)")
    CaseView get(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @Parameter(description = "Police: why the case is opened (audited)")
                    @RequestHeader(name = "X-Reason", required = false)
                    @Nullable
                    String reason) {
        return cases.open(Viewer.of(principal), CasePages.caseId(id), reason);
    }

    /** A status change. */
    record StatusChange(
            @Nullable Integer version,
            @Nullable String status,
            @Nullable String closingReason) {}

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the case to another status (closing needs a reason)")
    ResponseEntity<Void> status(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestBody StatusChange body) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = CasePages.caseId(id);
        cases.owned(viewer, caseId);
        CaseStatus to = CasePages.enumValue(CaseStatus.class, body.status());
        if (to == null) {
            throw CaseProblem.of("status-invalid", "status");
        }
        cases.changeStatus(
                viewer,
                caseId,
                version(body.version()),
                to,
                CasePages.enumValue(ClosingReason.class, body.closingReason()));
        return ResponseEntity.noContent().build();
    }

    /** Who handles the case: an account of the owning organisation, or nobody (null). */
    record Assignment(@Nullable Integer version, @Nullable UUID assignee) {}

    @PutMapping(path = "/{id}/assignee", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Assign the case to a case worker of the owning organisation, or to nobody (send the case's"
                    + " version)")
    ResponseEntity<Void> assign(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestBody Assignment body) {
        cases.assign(Viewer.of(principal), CasePages.caseId(id), version(body.version()), body.assignee());
        return ResponseEntity.noContent().build();
    }

    /**
     * The case's details, replaced as a whole as the page's form does: a flag left out is false,
     * and a blank age, narrative or contact removes it.
     */
    record Details(
            @Nullable Integer version,
            @Nullable Boolean ongoingThreat,
            @Nullable Boolean minor,
            @Nullable Boolean imagerySpreading,
            @Nullable String ageBand,
            @Nullable String narrative,
            @Nullable String contact) {}

    @PutMapping(path = "/{id}/details", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Change the urgency flags, age, account of what happened and contact details (send the"
                    + " case's version; every problem is listed)")
    ResponseEntity<Void> details(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestBody Details body) {
        cases.editDetails(
                Viewer.of(principal),
                CasePages.caseId(id),
                version(body.version()),
                new CaseManagement.DetailsForm(
                        Boolean.TRUE.equals(body.ongoingThreat()),
                        Boolean.TRUE.equals(body.minor()),
                        Boolean.TRUE.equals(body.imagerySpreading()),
                        body.ageBand() == null || body.ageBand().isBlank() ? null : body.ageBand(),
                        body.narrative(),
                        body.contact()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/incidents")
    @Operation(summary = "The case's incidents in time order, with the portal's suggestion next to the final coding")
    List<Incident> incidents(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestHeader(name = "X-Reason", required = false) @Nullable String reason) {
        CaseView view = cases.open(Viewer.of(principal), CasePages.caseId(id), reason);
        if (!view.sees(CasePart.CODING)) {
            throw new CaseNotFound();
        }
        return view.incidents();
    }

    /** A coding: code, dimensions (name to values), month it happened (yyyy-mm) and a description. */
    record CodingBody(
            @Nullable Integer version,
            @Nullable String code,
            @Nullable Map<String, List<String>> dimensions,
            @Nullable String occurredMonth,
            @Nullable String description) {
        CaseManagement.CodingForm form() {
            return new CaseManagement.CodingForm(
                    code, dimensions == null ? Map.of() : dimensions, occurredMonth, description);
        }
    }

    @PostMapping(path = "/{id}/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a coded incident; an invalid coding lists every problem")
    ResponseEntity<Created> addIncident(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestBody CodingBody body) {
        CaseId caseId = CasePages.caseId(id);
        IncidentId incident = cases.addIncident(Viewer.of(principal), caseId, body.form());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/incidents/" + incident))
                .body(new Created(incident.value()));
    }

    @PutMapping(path = "/{id}/incidents/{incident}/coding", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm or correct an incident's coding (send the incident's version)")
    ResponseEntity<Void> code(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @PathVariable("incident") String incident,
            @RequestBody CodingBody body) {
        cases.code(
                Viewer.of(principal),
                CasePages.caseId(id),
                CasePages.incidentId(incident),
                version(body.version()),
                body.form());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The conversation with the victim (read through the receipt's follow-up page)")
    List<CaseView.Message> messages(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestHeader(name = "X-Reason", required = false) @Nullable String reason) {
        CaseView view = cases.open(Viewer.of(principal), CasePages.caseId(id), reason);
        if (!view.sees(CasePart.MESSAGES)) {
            throw new CaseNotFound();
        }
        return view.messages();
    }

    /** A message to the victim. */
    record MessageBody(@Nullable String text) {}

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Write to the victim; they read it with their receipt")
    ResponseEntity<Void> message(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestBody MessageBody body) {
        cases.sendMessage(Viewer.of(principal), CasePages.caseId(id), body.text() == null ? "" : body.text());
        return ResponseEntity.noContent().build();
    }

    /** A consent the victim gave a professional, to share parts of the case with one organisation. */
    record ConsentBody(
            @Nullable UUID organisation,
            @Nullable List<String> parts,
            @Nullable String how) {}

    @PostMapping(path = "/{id}/consents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the victim's consent and share the chosen parts with an organisation")
    ResponseEntity<Created> consent(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestBody ConsentBody body) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = CasePages.caseId(id);
        cases.owned(viewer, caseId);
        List<CaseProblem.Item> items = new ArrayList<>();
        ConsentHow how = CasePages.enumValue(ConsentHow.class, body.how());
        if (body.organisation() == null) {
            items.add(CaseProblem.Item.of("share-organisation-invalid", "organisation"));
        }
        if (how == null) {
            items.add(CaseProblem.Item.of("consent-how-invalid", "how"));
        }
        if (!items.isEmpty()) {
            throw new CaseProblem(items);
        }
        Set<CasePart> parts = EnumSet.noneOf(CasePart.class);
        for (String p : body.parts() == null ? List.<String>of() : body.parts()) {
            CasePart part = CasePages.enumValue(CasePart.class, p);
            if (part != null) {
                parts.add(part);
            }
        }
        UUID consent = cases.recordConsent(viewer, caseId, new OrganisationId(body.organisation()), parts, how);
        return ResponseEntity.status(201).body(new Created(consent));
    }

    /** The version the client read; none given never matches, so the change is refused as stale. */
    private static int version(@Nullable Integer read) {
        return read == null ? -1 : read;
    }

    // ------------------------------------------------------------------ errors as problem+json

    @ExceptionHandler(CaseNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request, Locale locale) {
        return problems.response(new ApiProblem(404, "not-found"), request.getRequestURI(), locale);
    }

    @ExceptionHandler(CaseChanged.class)
    ResponseEntity<Map<String, Object>> changed(HttpServletRequest request, Locale locale) {
        return problems.response(new ApiProblem(409, "case-changed"), request.getRequestURI(), locale);
    }

    @ExceptionHandler(CaseManagement.ReasonRequired.class)
    ResponseEntity<Map<String, Object>> reasonRequired(HttpServletRequest request, Locale locale) {
        return problems.response(new ApiProblem(428, "reason-required"), request.getRequestURI(), locale);
    }

    @ExceptionHandler(CaseProblem.class)
    ResponseEntity<Map<String, Object>> invalid(CaseProblem problem, HttpServletRequest request, Locale locale) {
        return problems.response(apiProblem(problem), request.getRequestURI(), locale);
    }

    static ApiProblem apiProblem(CaseProblem problem) {
        List<ApiProblem.Item> items = new ArrayList<>();
        for (CaseProblem.Item i : problem.items()) {
            Map<String, Object> details = new LinkedHashMap<>();
            items.add(new ApiProblem.Item(i.code(), i.field(), i.messageKey(), i.arguments(), details));
        }
        return new ApiProblem(422, "case-invalid", items);
    }
}
