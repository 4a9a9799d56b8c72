package nl.vangnet.takedown;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.identity.StaffPrincipal;
import nl.vangnet.taxonomy.Taxonomies;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff takedown workspace (HOTLINE and ADMIN): the overview, new requests (pasted or
 * uploaded, many at once), a request's detail with its history, checks, notices and notes, the
 * case view where draft URLs become one notice per host, and the notices themselves. Plain forms
 * and redirects: everything works without JavaScript.
 */
@Controller
class TakedownPages {

    private static final String BASE = "/staff/takedown";
    private static final int MAX_UPLOAD = 200 * 1024;

    private final TakedownDesk desk;
    private final Takedowns takedowns;
    private final Notices notices;
    private final Rechecks rechecks;
    private final TakedownTracking tracking;
    private final TakedownCases cases;
    private final Taxonomies taxonomies;
    private final TakedownProperties properties;
    private final Clock clock;

    TakedownPages(
            TakedownDesk desk,
            Takedowns takedowns,
            Notices notices,
            Rechecks rechecks,
            TakedownTracking tracking,
            TakedownCases cases,
            Taxonomies taxonomies,
            TakedownProperties properties,
            Clock clock) {
        this.desk = desk;
        this.takedowns = takedowns;
        this.notices = notices;
        this.rechecks = rechecks;
        this.tracking = tracking;
        this.cases = cases;
        this.taxonomies = taxonomies;
        this.properties = properties;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- workspace

    @GetMapping(BASE)
    String workspace(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "status", required = false) @Nullable String status,
            Model model) {
        Actor actor = Actor.of(principal);
        UUID scope = actor.organisationId();
        TakedownStatus filter = parseStatus(status);
        Instant now = clock.instant();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TakedownStatus s : TakedownStatus.values()) {
            counts.put(s.name(), 0L);
        }
        for (Object[] row : takedowns.countsByStatus(scope)) {
            counts.put((String) row[0], (Long) row[1]);
        }
        List<TakedownRequest> recent = takedowns.recent(scope, filter, 100);
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", TakedownStatus.values());
        model.addAttribute("filter", filter == null ? "" : filter.name());
        model.addAttribute("backlog", notices.backlog());
        model.addAttribute("overdue", takedowns.overdue(scope, now));
        model.addAttribute(
                "dueSoon",
                recent.stream()
                        .filter(r -> r.dueWithin(now, Duration.ofHours(6)))
                        .toList());
        model.addAttribute("recent", recent);
        List<CaseRef> recentCases = takedowns.recentCases(scope, 20);
        model.addAttribute("cases", recentCases);
        Map<CaseRef, String> references = new LinkedHashMap<>();
        recent.forEach(r -> references.putIfAbsent(r.caseRef(), ""));
        recentCases.forEach(c -> references.putIfAbsent(c, ""));
        references.replaceAll((ref, none) -> reference(actor, ref));
        model.addAttribute("references", references);
        model.addAttribute("targetHours", properties.target().toHours());
        return "takedown/workspace";
    }

    /** The case's readable reference, or the start of its ID when the reader cannot see the case. */
    private String reference(Actor actor, CaseRef ref) {
        return cases.summary(actor, ref)
                .map(CaseSummary::reference)
                .orElse(ref.toString().substring(0, 8));
    }

    private static @Nullable TakedownStatus parseStatus(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TakedownStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- new requests

    /**
     * The form, empty or for one case; with {@code links=portal} it is filled with the links the
     * victim gave on the portal and the case's coding, for staff to check before creating drafts.
     */
    @GetMapping(BASE + "/new")
    String newForm(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "case", defaultValue = "") String caseRef,
            @RequestParam(name = "links", defaultValue = "") String links,
            Model model) {
        TakedownDesk.NewRequests form = new TakedownDesk.NewRequests(caseRef, "", false, "", "");
        if (links.equals("portal")) {
            form = cases.portalForm(Actor.of(principal), caseRef).orElse(form);
        }
        fillNewForm(model, form);
        return "takedown/new";
    }

    private void fillNewForm(Model model, TakedownDesk.NewRequests form) {
        model.addAttribute("form", form);
        model.addAttribute("codes", taxonomies.current().codes());
        model.addAttribute("maxUrls", TakedownDesk.MAX_URLS);
    }

    @PostMapping(BASE + "/new")
    String create(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(name = "caseRef", defaultValue = "") String caseRef,
            @RequestParam(name = "formCode", defaultValue = "") String formCode,
            @RequestParam(name = "minor", defaultValue = "false") boolean minor,
            @RequestParam(name = "urls", defaultValue = "") String urls,
            @RequestParam(name = "explanation", defaultValue = "") String explanation,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            HttpServletResponse response,
            Model model) {
        TakedownDesk.NewRequests form = new TakedownDesk.NewRequests(caseRef, formCode, minor, urls, explanation);
        String all = urls;
        List<String> fileProblems = new ArrayList<>();
        if (file != null && !file.isEmpty()) {
            String text = upload(file);
            if (text == null) {
                fileProblems.add("takedown.form.problem.file");
            } else {
                all = all + "\n" + text;
            }
        }
        try {
            if (!fileProblems.isEmpty()) {
                throw new TakedownProblem(fileProblems);
            }
            TakedownDesk.Submission submission = desk.submit(
                    new TakedownDesk.NewRequests(caseRef, formCode, minor, all, explanation), Actor.of(principal));
            model.addAttribute("submission", submission);
            model.addAttribute(
                    "retry",
                    new TakedownDesk.NewRequests(
                            submission.caseReference(), formCode, minor, submission.remainingText(), explanation));
            model.addAttribute("codes", taxonomies.current().codes());
            model.addAttribute("maxUrls", TakedownDesk.MAX_URLS);
            if (submission.created().isEmpty()) {
                response.setStatus(422);
            }
            return "takedown/submitted";
        } catch (TakedownProblem problem) {
            response.setStatus(422);
            fillNewForm(model, form);
            model.addAttribute("problems", problem.messageKeys());
            return "takedown/new";
        }
    }

    /** The uploaded list as text, or null when it is not a text file of acceptable size. */
    private static @Nullable String upload(MultipartFile file) {
        if (file.getSize() > MAX_UPLOAD) {
            return null;
        }
        try {
            byte[] bytes = file.getBytes();
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- one request

    @GetMapping(BASE + "/requests/{id}")
    String request(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable("id") UUID id, Model model) {
        Actor actor = Actor.of(principal);
        TakedownRequest request = desk.request(new TakedownRequestId(id), actor);
        model.addAttribute("request", request);
        model.addAttribute(
                "caseSummary", cases.summary(actor, request.caseRef()).orElse(null));
        model.addAttribute("url", desk.url(request));
        model.addAttribute("displayUrl", desk.displayUrl(request));
        model.addAttribute("explanation", desk.explanation(request));
        model.addAttribute("history", takedowns.history(request.id()));
        model.addAttribute("checks", takedowns.checks(request.id(), 20));
        model.addAttribute("notices", notices.ofRequest(request.id()));
        model.addAttribute("notes", desk.notes(request));
        model.addAttribute("reasons", TakedownRequest.REFUSAL_REASONS);
        model.addAttribute("overdue", request.overdue(clock.instant()));
        model.addAttribute("canEscalate", request.status().canMoveTo(TakedownStatus.ESCALATED));
        model.addAttribute(
                "code",
                taxonomies
                        .version(request.taxonomyVersion())
                        .flatMap(v -> v.code(request.formCode()))
                        .orElse(null));
        return "takedown/request";
    }

    @PostMapping(BASE + "/requests/{id}/{action}")
    String act(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") UUID id,
            @PathVariable("action") String action,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(name = "note", defaultValue = "") String note,
            RedirectAttributes redirect) {
        Actor actor = Actor.of(principal);
        TakedownRequestId requestId = new TakedownRequestId(id);
        try {
            switch (action) {
                case "receipt" -> desk.confirmReceipt(requestId, actor);
                case "removed" -> desk.markRemoved(requestId, actor);
                case "refused" -> desk.refuse(requestId, reason, actor);
                case "escalate" -> desk.escalate(requestId, actor);
                case "note" -> desk.addNote(requestId, note, actor);
                case "check" -> {
                    desk.request(requestId, actor);
                    boolean removed = rechecks.checkNow(requestId);
                    redirect.addFlashAttribute(
                            "done", removed ? "takedown.done.check-removed" : "takedown.done.checked");
                    return "redirect:" + BASE + "/requests/" + id;
                }
                default -> throw new TakedownProblem.NotFound();
            }
            redirect.addFlashAttribute("done", "takedown.done." + action);
        } catch (TakedownProblem problem) {
            redirect.addFlashAttribute("problems", problem.messageKeys());
            if (action.equals("note")) {
                redirect.addFlashAttribute("noteText", note.length() > TakedownDesk.MAX_NOTE + 100 ? "" : note);
            }
        }
        return "redirect:" + BASE + "/requests/" + id;
    }

    // ---------------------------------------------------------------- a case

    @GetMapping(BASE + "/cases/{caseRef}")
    String caseView(
            @AuthenticationPrincipal StaffPrincipal principal, @PathVariable("caseRef") UUID caseRef, Model model) {
        Actor actor = Actor.of(principal);
        CaseRef ref = new CaseRef(caseRef);
        List<TakedownRequest> requests = desk.caseRequests(ref, actor);
        Map<TakedownRequestId, String> urls = new LinkedHashMap<>();
        requests.forEach(r -> urls.put(r.id(), desk.displayUrl(r)));
        Map<String, List<TakedownRequest>> byHost = new LinkedHashMap<>();
        requests.forEach(
                r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
        model.addAttribute("caseRef", ref);
        model.addAttribute("caseSummary", cases.summary(actor, ref).orElse(null));
        model.addAttribute("requests", requests);
        model.addAttribute("byHost", byHost);
        model.addAttribute("urls", urls);
        model.addAttribute("drafts", desk.drafts(ref, actor));
        model.addAttribute("notices", notices.ofCase(ref));
        model.addAttribute("hashCount", desk.hashCount(ref));
        model.addAttribute("now", clock.instant());
        return "takedown/case";
    }

    @PostMapping(BASE + "/cases/{caseRef}/notices")
    String sendNotice(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("caseRef") UUID caseRef,
            @RequestParam(name = "host", defaultValue = "") String host,
            @RequestParam(name = "channel", defaultValue = "") String channel,
            @RequestParam(name = "anonymous", defaultValue = "false") boolean anonymous,
            RedirectAttributes redirect) {
        HostContact.Channel chosen;
        try {
            chosen = HostContact.Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            chosen = HostContact.Channel.NONE;
        }
        try {
            UUID notice = desk.sendNotice(new CaseRef(caseRef), host, chosen, anonymous, Actor.of(principal));
            redirect.addFlashAttribute(
                    "done",
                    chosen == HostContact.Channel.EMAIL ? "takedown.done.notice-email" : "takedown.done.notice-export");
            return "redirect:" + BASE + "/notices/" + notice;
        } catch (TakedownProblem problem) {
            redirect.addFlashAttribute("problems", problem.messageKeys());
            return "redirect:" + BASE + "/cases/" + caseRef;
        }
    }

    @PostMapping(BASE + "/cases/{caseRef}/contact")
    String overrideContact(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("caseRef") UUID caseRef,
            @RequestParam(name = "host", defaultValue = "") String host,
            @RequestParam(name = "provider", defaultValue = "") String provider,
            @RequestParam(name = "channel", defaultValue = "") String channel,
            @RequestParam(name = "address", defaultValue = "") String address,
            @RequestParam(name = "country", defaultValue = "") String country,
            @RequestParam(name = "language", defaultValue = "") String language,
            RedirectAttributes redirect) {
        try {
            desk.overrideContact(
                    new CaseRef(caseRef),
                    host,
                    new TakedownDesk.ContactForm(provider, channel, address, country, language),
                    Actor.of(principal));
            redirect.addFlashAttribute("done", "takedown.done.contact");
        } catch (TakedownProblem problem) {
            redirect.addFlashAttribute("problems", problem.messageKeys());
        }
        return "redirect:" + BASE + "/cases/" + caseRef;
    }

    @PostMapping(BASE + "/cases/{caseRef}/identify")
    String reidentify(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("caseRef") UUID caseRef,
            @RequestParam(name = "host", defaultValue = "") String host,
            RedirectAttributes redirect) {
        desk.reidentify(new CaseRef(caseRef), host, Actor.of(principal));
        redirect.addFlashAttribute("done", "takedown.done.identified");
        return "redirect:" + BASE + "/cases/" + caseRef;
    }

    @PostMapping(BASE + "/cases/{caseRef}/hashes")
    String addHashes(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("caseRef") UUID caseRef,
            @RequestParam(name = "hashes", defaultValue = "") String hashes,
            RedirectAttributes redirect) {
        try {
            desk.addHashes(new CaseRef(caseRef), hashes, Actor.of(principal));
            redirect.addFlashAttribute("done", "takedown.done.hashes");
        } catch (TakedownProblem problem) {
            redirect.addFlashAttribute("problems", problem.messageKeys());
        }
        return "redirect:" + BASE + "/cases/" + caseRef;
    }

    @GetMapping(BASE + "/cases/{caseRef}/victim-view")
    String victimView(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("caseRef") UUID caseRef,
            Locale locale,
            Model model) {
        CaseRef ref = new CaseRef(caseRef);
        desk.caseRequests(ref, Actor.of(principal));
        model.addAttribute("caseRef", ref);
        model.addAttribute("items", tracking.progressForCase(ref, locale));
        return "takedown/victim-view";
    }

    // ---------------------------------------------------------------- notices

    @GetMapping(BASE + "/notices/{id}")
    String notice(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable("id") UUID id, Model model) {
        Notice notice = desk.notice(id, Actor.of(principal));
        model.addAttribute("notice", notice);
        model.addAttribute("body", desk.noticeBody(notice));
        model.addAttribute(
                "requests",
                takedowns.byIds(notices.requestsOf(id).stream()
                        .map(TakedownRequestId::value)
                        .toList()));
        return "takedown/notice";
    }

    @GetMapping(BASE + "/notices/{id}/export")
    ResponseEntity<String> export(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable("id") UUID id) {
        Actor actor = Actor.of(principal);
        Notice notice = desk.notice(id, actor);
        desk.exported(id, actor);
        String text = notice.subject() + "\n\n" + desk.noticeBody(notice) + "\n";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(notice.reference() + ".txt")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(text);
    }

    @PostMapping(BASE + "/notices/{id}/submitted")
    String submitted(
            @AuthenticationPrincipal StaffPrincipal principal,
            @PathVariable("id") UUID id,
            RedirectAttributes redirect) {
        try {
            desk.confirmSubmitted(id, Actor.of(principal));
            redirect.addFlashAttribute("done", "takedown.done.submitted");
        } catch (TakedownProblem problem) {
            redirect.addFlashAttribute("problems", problem.messageKeys());
        }
        return "redirect:" + BASE + "/notices/" + id;
    }
}
