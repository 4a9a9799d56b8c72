package nl.vangnet.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.cases.CaseChanged;
import nl.vangnet.cases.CaseId;
import nl.vangnet.cases.CaseNotFound;
import nl.vangnet.cases.CasePart;
import nl.vangnet.cases.CaseProblem;
import nl.vangnet.cases.ConsentHow;
import nl.vangnet.cases.Viewer;
import nl.vangnet.identity.StaffPrincipal;
import nl.vangnet.shared.ApiProblem;
import nl.vangnet.shared.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals for staff clients: the same session, CSRF header and scoping as the pages (see
 * {@code CaseApiController}); a referral outside the caller's organisation is a 404 problem.
 */
@RestController
@RequestMapping(path = "/api/v1/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Referrals (staff)", description = "Closed-loop referrals with consent; staff session + CSRF header")
class ReferralApiController {

    private final ReferralManagement referrals;
    private final Problems problems;

    ReferralApiController(ReferralManagement referrals, Problems problems) {
        this.referrals = referrals;
        this.problems = problems;
    }

    @GetMapping
    @Operation(summary = "Referrals to and from the caller's organisation")
    ReferralManagement.Lists list(@AuthenticationPrincipal StaffPrincipal principal) {
        return referrals.lists(Viewer.of(principal));
    }

    /** A referral to send. */
    record NewReferral(
            @Nullable UUID caseId,
            @Nullable String destination,
            @Nullable List<String> parts,
            @Nullable String how,
            @Nullable Boolean consentConfirmed,
            @Nullable String handover) {}

    /** The identity of a created referral. */
    record Created(UUID id) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refer a case the caller's organisation owns, with the victim's consent and a hand-over note")
    ResponseEntity<Created> send(@AuthenticationPrincipal StaffPrincipal principal, @RequestBody NewReferral body) {
        if (body.caseId() == null) {
            throw new CaseNotFound();
        }
        Set<CasePart> parts = EnumSet.noneOf(CasePart.class);
        for (String p : body.parts() == null ? List.<String>of() : body.parts()) {
            try {
                parts.add(CasePart.valueOf(p));
            } catch (IllegalArgumentException ignored) {
                // unknown parts are not shared
            }
        }
        ConsentHow how = null;
        try {
            how = body.how() == null ? null : ConsentHow.valueOf(body.how());
        } catch (IllegalArgumentException ignored) {
            // reported by the facade
        }
        ReferralId id = referrals.send(
                Viewer.of(principal),
                new CaseId(body.caseId()),
                new ReferralManagement.ReferralForm(
                        body.destination() == null ? "" : body.destination(),
                        parts,
                        how,
                        Boolean.TRUE.equals(body.consentConfirmed()),
                        body.handover() == null ? "" : body.handover()));
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + id)).body(new Created(id.value()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One referral with its hand-over note (the read is audited)")
    Referral get(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable("id") String id) {
        return referrals.open(Viewer.of(principal), referralId(id));
    }

    /** A step of the loop. */
    record Step(@Nullable Integer version, @Nullable String status) {}

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept, decline, record first contact, done, not reached, or stop (sender)")
    ResponseEntity<Void> step(
            @AuthenticationPrincipal StaffPrincipal principal, @PathVariable("id") String id, @RequestBody Step body) {
        Viewer viewer = Viewer.of(principal);
        ReferralId referralId = referralId(id);
        Referral current = referrals.open(viewer, referralId);
        ReferralStatus to;
        try {
            to = ReferralStatus.valueOf(body.status() == null ? "" : body.status());
        } catch (IllegalArgumentException e) {
            throw new CaseProblem(List.of(new CaseProblem.Item(
                    "step-not-allowed", "status", "referral.problem.step-not-allowed", List.of())));
        }
        referrals.step(viewer, current.id(), body.version() == null ? -1 : body.version(), to);
        return ResponseEntity.noContent().build();
    }

    private static ReferralId referralId(String id) {
        return ReferralId.parse(id).orElseThrow(CaseNotFound::new);
    }

    @ExceptionHandler(CaseNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request, Locale locale) {
        return problems.response(new ApiProblem(404, "not-found"), request.getRequestURI(), locale);
    }

    @ExceptionHandler(CaseChanged.class)
    ResponseEntity<Map<String, Object>> changed(HttpServletRequest request, Locale locale) {
        return problems.response(new ApiProblem(409, "case-changed"), request.getRequestURI(), locale);
    }

    @ExceptionHandler(CaseProblem.class)
    ResponseEntity<Map<String, Object>> invalid(CaseProblem problem, HttpServletRequest request, Locale locale) {
        List<ApiProblem.Item> items = new ArrayList<>();
        for (CaseProblem.Item i : problem.items()) {
            items.add(new ApiProblem.Item(i.code(), i.field(), i.messageKey(), i.arguments(), Map.of()));
        }
        return problems.response(new ApiProblem(422, "case-invalid", items), request.getRequestURI(), locale);
    }
}
