package nl.vangnet.cases;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;
import nl.vangnet.identity.StaffPrincipal;
import nl.vangnet.taxonomy.Taxonomies;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff case workspace at {@code /staff/cases}: the triage queue, search, opening a case,
 * the case page with its forms, the coding form, and who viewed a case. Every page works without
 * JavaScript. Anything outside the viewer's scope is answered with 404 (see {@link CaseNotFound});
 * a refused change re-shows the page with every problem and status 422, a change that lost a race
 * with someone else's with status 409 and nothing overwritten.
 */
@Controller
class CasePages {

    static final String REASONS = "vangnet.cases.reasons";

    private final CaseManagement cases;
    private final Taxonomies taxonomies;
    private final MessageSource messages;
    private final ObjectProvider<CasePanels> panels;

    CasePages(CaseManagement cases, Taxonomies taxonomies, MessageSource messages, ObjectProvider<CasePanels> panels) {
        this.cases = cases;
        this.taxonomies = taxonomies;
        this.messages = messages;
        this.panels = panels;
    }

    // ------------------------------------------------------------------ lists

    @GetMapping("/staff/cases")
    String queue(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            Locale locale,
            Model model) {
        Viewer viewer = Viewer.of(principal);
        int shown = Math.max(10, Math.min(limit, 500));
        model.addAttribute("queue", cases.queue(viewer, shown));
        model.addAttribute("limit", shown);
        common(model, viewer, locale);
        return "cases/queue";
    }

    @GetMapping("/staff/cases/inbox")
    String inbox(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
        Viewer viewer = Viewer.of(principal);
        model.addAttribute("entries", cases.inbox(viewer, 200));
        common(model, viewer, locale);
        return "cases/inbox";
    }

    @GetMapping("/staff/cases/search")
    String search(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "reference", required = false) @Nullable String reference,
            @RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "code", required = false) @Nullable String code,
            @RequestParam(name = "urgent", defaultValue = "false") boolean urgent,
            @RequestParam(name = "mine", defaultValue = "false") boolean mine,
            @RequestParam(name = "from", required = false) @Nullable String from,
            @RequestParam(name = "to", required = false) @Nullable String to,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Locale locale,
            Model model) {
        Viewer viewer = Viewer.of(principal);
        CaseStatus statusFilter = enumValue(CaseStatus.class, status);
        CaseManagement.SearchQuery query =
                new CaseManagement.SearchQuery(reference, statusFilter, code, urgent, mine, date(from), date(to), page);
        model.addAttribute("result", cases.search(viewer, query));
        model.addAttribute("query", query);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("statuses", CaseStatus.values());
        common(model, viewer, locale);
        return "cases/search";
    }

    // ------------------------------------------------------------------ opening a case

    @GetMapping("/staff/cases/new")
    String newCase(@AuthenticationPrincipal StaffPrincipal principal, Locale locale, Model model) {
        Viewer viewer = Viewer.of(principal);
        if (!viewer.mayOwn()) {
            throw new CaseNotFound();
        }
        common(model, viewer, locale);
        model.addAttribute("channels", CaseChannel.forStaff());
        return "cases/new";
    }

    @PostMapping("/staff/cases")
    String create(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "channel", defaultValue = "") String channel,
            @RequestParam(name = "ongoingThreat", defaultValue = "false") boolean ongoingThreat,
            @RequestParam(name = "minor", defaultValue = "false") boolean minor,
            @RequestParam(name = "imagerySpreading", defaultValue = "false") boolean imagerySpreading,
            @RequestParam(name = "ageBand", defaultValue = "") String ageBand,
            @RequestParam(name = "narrative", defaultValue = "") String narrative,
            @RequestParam(name = "contact", defaultValue = "") String contact,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Viewer viewer = Viewer.of(principal);
        CaseChannel chosen = enumValue(CaseChannel.class, channel);
        try {
            CaseId id = cases.create(
                    viewer,
                    new CaseManagement.NewCaseForm(
                            chosen == null ? CaseChannel.IMPORT : chosen,
                            ongoingThreat,
                            minor,
                            imagerySpreading,
                            blankToNull(ageBand),
                            narrative,
                            contact));
            return "redirect:/staff/cases/" + id + "?created";
        } catch (CaseProblem problem) {
            response.setStatus(422);
            common(model, viewer, locale);
            model.addAttribute("channels", CaseChannel.forStaff());
            model.addAttribute("problems", texts(problem, locale));
            model.addAttribute(
                    "draft",
                    Map.of(
                            "channel", channel,
                            "ageBand", ageBand,
                            "narrative", narrative,
                            "contact", contact,
                            "ongoingThreat", String.valueOf(ongoingThreat),
                            "minor", String.valueOf(minor),
                            "imagerySpreading", String.valueOf(imagerySpreading)));
            return "cases/new";
        }
    }

    // ------------------------------------------------------------------ the case page

    @GetMapping("/staff/cases/{id}")
    String view(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            HttpSession session,
            Locale locale,
            Model model) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        try {
            return page(viewer, caseId, session, locale, model);
        } catch (CaseManagement.ReasonRequired required) {
            model.addAttribute("caseId", caseId);
            common(model, viewer, locale);
            return "cases/reason";
        }
    }

    @PostMapping("/staff/cases/{id}/reason")
    String reason(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        String why = reason.strip();
        if (cases.summary(viewer, caseId).isEmpty()) {
            throw new CaseNotFound();
        }
        if (why.length() < 5 || why.length() > CaseManagement.MAX_REASON) {
            response.setStatus(422);
            model.addAttribute("caseId", caseId);
            model.addAttribute("reasonProblem", true);
            model.addAttribute("reason", why.length() > CaseManagement.MAX_REASON ? "" : why);
            common(model, viewer, locale);
            return "cases/reason";
        }
        reasons(session).put(caseId.value(), why);
        return "redirect:/staff/cases/" + caseId;
    }

    private String page(Viewer viewer, CaseId id, HttpSession session, Locale locale, Model model) {
        CaseView view = cases.open(viewer, id, reasons(session).get(id.value()));
        model.addAttribute("c", view);
        common(model, viewer, locale);
        model.addAttribute("closingReasons", EnumSet.complementOf(EnumSet.of(ClosingReason.DELETED_BY_VICTIM)));
        model.addAttribute("workers", cases.assignable(viewer));
        model.addAttribute("shareTargets", view.owner() ? cases.shareTargets(viewer) : List.of());
        model.addAttribute("choosableParts", CasePart.choosable());
        model.addAttribute("hows", ConsentHow.recordable());
        model.addAttribute("organisationNames", cases.organisationNames());
        model.addAttribute("today", cases.today());
        model.addAttribute("policeSummary", cases.policeSummaryAllowed(viewer, view.summary()));
        List<CasePanels.Panel> shown = new ArrayList<>();
        panels.orderedStream().forEach(provider -> shown.addAll(provider.panels(viewer, view.summary())));
        model.addAttribute("panels", shown);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", Map.of());
        }
        return "cases/case";
    }

    /** Re-shows the case page after a refused change: every problem listed, the typed text kept. */
    private String refused(
            Viewer viewer,
            CaseId id,
            RuntimeException problem,
            Map<String, String> draft,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        if (problem instanceof CaseChanged) {
            response.setStatus(409);
            model.addAttribute("problems", List.of(text("cases.problem.changed", List.of(), locale)));
        } else {
            response.setStatus(422);
            model.addAttribute("problems", texts((CaseProblem) problem, locale));
        }
        model.addAttribute("draft", draft);
        return page(viewer, id, session, locale, model);
    }

    @PostMapping("/staff/cases/{id}/status")
    String status(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "version", defaultValue = "-1") int version,
            @RequestParam(name = "status", defaultValue = "") String status,
            @RequestParam(name = "closingReason", defaultValue = "") String closingReason,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        cases.owned(viewer, caseId);
        CaseStatus to = enumValue(CaseStatus.class, status);
        try {
            if (to == null) {
                throw CaseProblem.of("status-invalid", "status");
            }
            cases.changeStatus(viewer, caseId, version, to, enumValue(ClosingReason.class, closingReason));
            return done(caseId, "status", redirect);
        } catch (CaseProblem | CaseChanged e) {
            return refused(viewer, caseId, e, Map.of(), session, locale, model, response);
        }
    }

    @PostMapping("/staff/cases/{id}/assign")
    String assign(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "version", defaultValue = "-1") int version,
            @RequestParam(name = "assignee", defaultValue = "") String assignee,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        cases.owned(viewer, caseId);
        try {
            UUID account = null;
            if (!assignee.isBlank()) {
                account = uuid(assignee).orElseThrow(() -> CaseProblem.of("assignee-unknown", "assignee"));
            }
            cases.assign(viewer, caseId, version, account);
            return done(caseId, "assigned", redirect);
        } catch (CaseProblem | CaseChanged e) {
            return refused(viewer, caseId, e, Map.of(), session, locale, model, response);
        }
    }

    @PostMapping("/staff/cases/{id}/details")
    String details(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "version", defaultValue = "-1") int version,
            @RequestParam(name = "ongoingThreat", defaultValue = "false") boolean ongoingThreat,
            @RequestParam(name = "minor", defaultValue = "false") boolean minor,
            @RequestParam(name = "imagerySpreading", defaultValue = "false") boolean imagerySpreading,
            @RequestParam(name = "ageBand", defaultValue = "") String ageBand,
            @RequestParam(name = "narrative", defaultValue = "") String narrative,
            @RequestParam(name = "contact", defaultValue = "") String contact,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        try {
            cases.editDetails(
                    viewer,
                    caseId,
                    version,
                    new CaseManagement.DetailsForm(
                            ongoingThreat, minor, imagerySpreading, blankToNull(ageBand), narrative, contact));
            return done(caseId, "details", redirect);
        } catch (CaseProblem | CaseChanged e) {
            return refused(
                    viewer,
                    caseId,
                    e,
                    Map.of("narrative", narrative, "contact", contact),
                    session,
                    locale,
                    model,
                    response);
        }
    }

    @PostMapping("/staff/cases/{id}/notes")
    String note(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "note", defaultValue = "") String note,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        try {
            cases.addNote(viewer, caseId, note);
            return done(caseId, "note", redirect);
        } catch (CaseProblem e) {
            return refused(viewer, caseId, e, Map.of("note", note), session, locale, model, response);
        }
    }

    @PostMapping("/staff/cases/{id}/tasks")
    String task(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "title", defaultValue = "") String title,
            @RequestParam(name = "dueOn", defaultValue = "") String dueOn,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        try {
            cases.addTask(viewer, caseId, title, dueOn);
            return done(caseId, "task", redirect);
        } catch (CaseProblem e) {
            return refused(viewer, caseId, e, Map.of("title", title, "dueOn", dueOn), session, locale, model, response);
        }
    }

    @PostMapping("/staff/cases/{id}/tasks/{task}/done")
    String taskDone(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @PathVariable("task") String task,
            RedirectAttributes redirect) {
        CaseId caseId = caseId(id);
        cases.completeTask(Viewer.of(principal), caseId, uuid(task).orElseThrow(CaseNotFound::new));
        return done(caseId, "task-done", redirect);
    }

    @PostMapping("/staff/cases/{id}/messages")
    String message(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "message", defaultValue = "") String message,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        try {
            boolean notified = cases.sendMessage(viewer, caseId, message);
            return done(caseId, notified ? "message-notified" : "message", redirect);
        } catch (CaseProblem e) {
            return refused(viewer, caseId, e, Map.of("message", message), session, locale, model, response);
        }
    }

    @PostMapping("/staff/cases/{id}/consents")
    String consent(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "parts", required = false) @Nullable List<String> parts,
            @RequestParam(name = "how", defaultValue = "") String how,
            @RequestParam(name = "confirm", defaultValue = "") String confirm,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        cases.owned(viewer, caseId);
        try {
            List<CaseProblem.Item> problems = new ArrayList<>();
            Optional<UUID> org = uuid(organisation);
            ConsentHow consentHow = enumValue(ConsentHow.class, how);
            if (org.isEmpty()) {
                problems.add(CaseProblem.Item.of("share-organisation-invalid", "organisation"));
            }
            if (consentHow == null) {
                problems.add(CaseProblem.Item.of("consent-how-invalid", "how"));
            }
            if (!"yes".equals(confirm)) {
                problems.add(CaseProblem.Item.of("consent-unconfirmed", "confirm"));
            }
            if (!problems.isEmpty()) {
                throw new CaseProblem(problems);
            }
            Set<CasePart> chosen = EnumSet.noneOf(CasePart.class);
            for (String p : parts == null ? List.<String>of() : parts) {
                CasePart part = enumValue(CasePart.class, p);
                if (part != null) {
                    chosen.add(part);
                }
            }
            cases.recordConsent(viewer, caseId, new OrganisationId(org.get()), chosen, consentHow);
            return done(caseId, "shared", redirect);
        } catch (CaseProblem e) {
            // What was chosen comes back as it was; nothing is chosen for the staff member.
            Map<String, String> draft = Map.of(
                    "shareOrganisation", organisation,
                    "shareParts", String.join(",", parts == null ? List.of() : parts),
                    "shareHow", how);
            return refused(viewer, caseId, e, draft, session, locale, model, response);
        }
    }

    @PostMapping("/staff/cases/{id}/consents/{consent}/withdraw")
    String withdraw(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @PathVariable("consent") String consent,
            RedirectAttributes redirect) {
        CaseId caseId = caseId(id);
        cases.withdrawConsent(Viewer.of(principal), caseId, uuid(consent).orElseThrow(CaseNotFound::new));
        return done(caseId, "withdrawn", redirect);
    }

    @GetMapping("/staff/cases/{id}/views")
    String trail(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            Locale locale,
            Model model) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        model.addAttribute("entries", cases.trail(viewer, caseId));
        model.addAttribute("summary", cases.summary(viewer, caseId).orElseThrow(CaseNotFound::new));
        common(model, viewer, locale);
        return "cases/views";
    }

    // ------------------------------------------------------------------ coding

    @GetMapping("/staff/cases/{id}/incidents/new")
    String newIncident(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "code", defaultValue = "") String code,
            Locale locale,
            Model model) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        CaseSummary summary = ownedSummary(viewer, caseId);
        codingModel(model, viewer, locale, summary, null, blankToNull(code), Map.of(), "", "");
        return "cases/coding";
    }

    @PostMapping("/staff/cases/{id}/incidents")
    String addIncident(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @RequestParam MultiValueMap<String, String> form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        CaseSummary summary = ownedSummary(viewer, caseId);
        CaseManagement.CodingForm coding = codingForm(form);
        if (form.containsKey("choose")) {
            codingModel(
                    model, viewer, locale, summary, null, coding.code(), coding.dimensions(), month(form), desc(form));
            return "cases/coding";
        }
        try {
            cases.addIncident(viewer, caseId, coding);
            return done(caseId, "incident", redirect);
        } catch (CaseProblem e) {
            response.setStatus(422);
            model.addAttribute("problems", texts(e, locale));
            codingModel(
                    model, viewer, locale, summary, null, coding.code(), coding.dimensions(), month(form), desc(form));
            return "cases/coding";
        }
    }

    @GetMapping("/staff/cases/{id}/incidents/{incident}")
    String incident(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @PathVariable("incident") String incident,
            @RequestParam(name = "code", defaultValue = "") String code,
            Locale locale,
            Model model) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        CaseSummary summary = ownedSummary(viewer, caseId);
        Incident current = cases.incident(viewer, caseId, incidentId(incident));
        String chosen = code.isBlank() ? current.code() : code;
        codingModel(
                model,
                viewer,
                locale,
                summary,
                current,
                chosen,
                chosen.equals(current.code()) ? current.dimensions() : Map.of(),
                current.occurredMonth() == null ? "" : current.occurredMonth().toString(),
                current.description() == null ? "" : current.description());
        return "cases/coding";
    }

    @PostMapping("/staff/cases/{id}/incidents/{incident}")
    String code(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") String id,
            @PathVariable("incident") String incident,
            @RequestParam MultiValueMap<String, String> form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Viewer viewer = Viewer.of(principal);
        CaseId caseId = caseId(id);
        IncidentId incidentId = incidentId(incident);
        CaseSummary summary = ownedSummary(viewer, caseId);
        Incident current = cases.incident(viewer, caseId, incidentId);
        CaseManagement.CodingForm coding = codingForm(form);
        if (form.containsKey("choose")) {
            codingModel(
                    model,
                    viewer,
                    locale,
                    summary,
                    current,
                    coding.code(),
                    coding.dimensions(),
                    month(form),
                    desc(form));
            return "cases/coding";
        }
        int version = parseInt(form.getFirst("version"));
        try {
            cases.code(viewer, caseId, incidentId, version, coding);
            return done(caseId, "coded", redirect);
        } catch (CaseProblem | CaseChanged e) {
            if (e instanceof CaseChanged) {
                response.setStatus(409);
                model.addAttribute("problems", List.of(text("cases.problem.changed", List.of(), locale)));
                current = cases.incident(viewer, caseId, incidentId);
            } else {
                response.setStatus(422);
                model.addAttribute("problems", texts((CaseProblem) e, locale));
            }
            codingModel(
                    model,
                    viewer,
                    locale,
                    summary,
                    current,
                    coding.code(),
                    coding.dimensions(),
                    month(form),
                    desc(form));
            return "cases/coding";
        }
    }

    private void codingModel(
            Model model,
            Viewer viewer,
            Locale locale,
            CaseSummary summary,
            @Nullable Incident incident,
            @Nullable String code,
            Map<String, List<String>> values,
            String month,
            String description) {
        common(model, viewer, locale);
        CaseLabels labels = new CaseLabels(taxonomies, locale);
        model.addAttribute("summary", summary);
        model.addAttribute("incident", incident);
        model.addAttribute("code", code);
        model.addAttribute("codes", labels.codes(code));
        model.addAttribute(
                "fields",
                code == null || taxonomies.current().code(code).isEmpty() ? List.of() : labels.fields(code, values));
        model.addAttribute("month", month);
        model.addAttribute("description", description);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
    }

    private static CaseManagement.CodingForm codingForm(MultiValueMap<String, String> form) {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("dim.") && name.length() > 4) {
                dimensions.put(name.substring(4), values);
            }
        });
        return new CaseManagement.CodingForm(form.getFirst("code"), dimensions, month(form), desc(form));
    }

    private static String month(MultiValueMap<String, String> form) {
        String m = form.getFirst("occurredMonth");
        return m == null ? "" : m;
    }

    private static String desc(MultiValueMap<String, String> form) {
        String d = form.getFirst("description");
        return d == null ? "" : d;
    }

    // ------------------------------------------------------------------ helpers

    private CaseSummary ownedSummary(Viewer viewer, CaseId id) {
        CaseSummary summary = cases.summary(viewer, id).orElseThrow(CaseNotFound::new);
        if (!summary.owner() || !viewer.mayOwn()) {
            throw new CaseNotFound();
        }
        return summary;
    }

    private void common(Model model, Viewer viewer, Locale locale) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("labels", new CaseLabels(taxonomies, locale));
        model.addAttribute("zone", CaseManagement.ZONE);
        model.addAttribute("now", cases.now());
    }

    private static String done(CaseId id, String what, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", what);
        return "redirect:/staff/cases/" + id;
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, String> reasons(HttpSession session) {
        Object stored = session.getAttribute(REASONS);
        if (stored instanceof Map<?, ?> map) {
            return (Map<UUID, String>) map;
        }
        Map<UUID, String> created = new HashMap<>();
        session.setAttribute(REASONS, created);
        return created;
    }

    List<String> texts(CaseProblem problem, Locale locale) {
        CaseLabels labels = new CaseLabels(taxonomies, locale);
        List<String> texts = new ArrayList<>();
        for (CaseProblem.Item item : problem.items()) {
            List<Object> arguments = new ArrayList<>(item.arguments());
            if (item.messageKey().startsWith("cases.problem.coding.") && !arguments.isEmpty()) {
                String dimension = String.valueOf(arguments.getFirst());
                if (!dimension.isEmpty()) {
                    arguments.set(0, labels.dimension(null, dimension));
                }
            }
            texts.add(text(item.messageKey(), arguments, locale));
        }
        return texts;
    }

    private String text(String key, List<Object> arguments, Locale locale) {
        return messages.getMessage(key, arguments.toArray(), key, locale);
    }

    static CaseId caseId(String id) {
        return CaseId.parse(id).orElseThrow(CaseNotFound::new);
    }

    static IncidentId incidentId(String id) {
        return uuid(id).map(IncidentId::new).orElseThrow(CaseNotFound::new);
    }

    static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static @Nullable LocalDate date(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static int parseInt(@Nullable String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
