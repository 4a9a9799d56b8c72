package nl.vangnet.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.directory.HelpDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coming back with the receipt: status, the help plan again, messages with a professional,
 * consents to withdraw, and "delete everything". A correct receipt binds the request to a fresh
 * session (new session ID, so a session fixed before cannot ride along); leaving ends it.
 */
@Controller
class FollowUpPages {

    static final String FOLLOW_UP = "vangnet.intake.followUp";

    private final IntakeManagement intake;
    private final HelpDirectory directory;
    private final FieldProblems problems;
    private final java.util.List<FollowUpPanels> panels;
    private final java.util.List<FollowUpShares> shares;

    FollowUpPages(
            IntakeManagement intake,
            HelpDirectory directory,
            FieldProblems problems,
            java.util.List<FollowUpPanels> panels,
            java.util.List<FollowUpShares> shares) {
        this.intake = intake;
        this.directory = directory;
        this.problems = problems;
        this.panels = panels;
        this.shares = shares;
    }

    @GetMapping({"/opvolgen", "/follow-up"})
    String form() {
        return "intake/follow-up";
    }

    @PostMapping({"/opvolgen", "/follow-up"})
    String lookup(
            @RequestParam(name = "receipt", defaultValue = "") String receipt,
            @RequestParam(name = "passphrase", defaultValue = "") String passphrase,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        IntakeManagement.Lookup outcome = intake.lookup(receipt, passphrase, request.getRemoteAddr());
        switch (outcome) {
            case IntakeManagement.Lookup.Found found -> {
                HttpSession session = request.getSession();
                request.changeSessionId();
                session.removeAttribute(IntakePages.ANSWERS);
                session.removeAttribute(IntakePages.JUST_SAVED);
                session.setAttribute(FOLLOW_UP, found.id().value());
                return "redirect:" + PortalPaths.followUp(locale)
                        + (locale.getLanguage().equals("en") ? "/request" : "/verzoek");
            }
            case IntakeManagement.Lookup.Throttled throttled -> {
                response.setStatus(429);
                response.setHeader(
                        "Retry-After",
                        String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
                model.addAttribute("lookupError", "throttled");
                model.addAttribute(
                        "minutes", Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60));
            }
            case IntakeManagement.Lookup.Malformed malformed -> {
                response.setStatus(422);
                model.addAttribute("lookupError", "malformed");
            }
            case IntakeManagement.Lookup.NotFound notFound -> {
                response.setStatus(422);
                model.addAttribute("lookupError", "not-found");
            }
        }
        model.addAttribute("receipt", receipt.length() > 64 ? "" : receipt);
        return "intake/follow-up";
    }

    @GetMapping({"/opvolgen/verzoek", "/follow-up/request"})
    String view(HttpServletRequest request, Locale locale, Model model) {
        Optional<HelpRequestId> id = current(request);
        Optional<IntakeManagement.FollowUp> followUp = id.flatMap(intake::followUp);
        if (followUp.isEmpty()) {
            return expired(locale);
        }
        fill(model, followUp.get(), locale);
        return "intake/request";
    }

    @PostMapping({"/opvolgen/bericht", "/follow-up/message"})
    String reply(
            @RequestParam(name = "message", defaultValue = "") String message,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Optional<HelpRequestId> id = current(request);
        if (id.isEmpty()) {
            return expired(locale);
        }
        try {
            intake.reply(id.get(), message);
            redirect.addFlashAttribute("done", "message-sent");
            return "redirect:" + viewPath(locale);
        } catch (IntakeProblem problem) {
            response.setStatus(422);
            Optional<IntakeManagement.FollowUp> followUp = intake.followUp(id.get());
            if (followUp.isEmpty()) {
                return expired(locale);
            }
            fill(model, followUp.get(), locale);
            model.addAttribute("message", message);
            model.addAttribute("problems", problems.show(problem.problems(), locale));
            return "intake/request";
        }
    }

    @PostMapping({"/opvolgen/toestemming", "/follow-up/consent"})
    String withdraw(
            @RequestParam(name = "consent", defaultValue = "") String consent,
            @RequestParam(name = "share", defaultValue = "") String share,
            HttpServletRequest request,
            Locale locale,
            RedirectAttributes redirect) {
        Optional<HelpRequestId> id = current(request);
        if (id.isEmpty()) {
            return expired(locale);
        }
        boolean done;
        if (!share.isEmpty()) {
            // A share staff made with her consent: the module that made it ends it.
            done = shares.stream().anyMatch(s -> s.withdraw(id.get(), share));
        } else {
            UUID consentId = uuid(consent);
            done = consentId != null && intake.withdraw(id.get(), consentId);
        }
        redirect.addFlashAttribute("done", done ? "consent-withdrawn" : "consent-unknown");
        return "redirect:" + viewPath(locale);
    }

    @PostMapping({"/opvolgen/seintje", "/follow-up/notify"})
    String notifyReplies(
            @RequestParam(name = "notifyEmail", defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Optional<HelpRequestId> id = current(request);
        if (id.isEmpty()) {
            return expired(locale);
        }
        try {
            intake.notifyRepliesTo(id.get(), email, locale);
            redirect.addFlashAttribute("done", "notify-set");
            return "redirect:" + viewPath(locale) + "#notify";
        } catch (IntakeProblem problem) {
            response.setStatus(422);
            Optional<IntakeManagement.FollowUp> followUp = intake.followUp(id.get());
            if (followUp.isEmpty()) {
                return expired(locale);
            }
            fill(model, followUp.get(), locale);
            model.addAttribute("notifyEmail", email.length() > 300 ? "" : email);
            model.addAttribute("notifyInvalid", true);
            model.addAttribute("problems", problems.show(problem.problems(), locale));
            return "intake/request";
        }
    }

    @PostMapping({"/opvolgen/seintje/weg", "/follow-up/notify/remove"})
    String stopNotifications(HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        Optional<HelpRequestId> id = current(request);
        if (id.isEmpty()) {
            return expired(locale);
        }
        intake.stopNotifications(id.get());
        redirect.addFlashAttribute("done", "notify-stopped");
        return "redirect:" + viewPath(locale) + "#notify";
    }

    @GetMapping({"/opvolgen/beelden", "/follow-up/images"})
    String images(HttpServletRequest request, Locale locale, Model model) {
        Optional<IntakeManagement.FollowUp> followUp = current(request).flatMap(intake::followUp);
        if (followUp.isEmpty()) {
            return expired(locale);
        }
        model.addAttribute("imageAge", imageAge(followUp.get().answers()));
        return imagesPage(model, locale);
    }

    /**
     * Which hash bank to pre-select, from the age band the person gave: under 18 → the minors'
     * bank, 18 or older → the adults' bank, no age → "don't know" (which goes to the minors'
     * bank: the safer mistake). The person can change it: an image may date from when they were
     * younger.
     */
    static String imageAge(IntakeAnswers answers) {
        if (answers.ageBand() == null) {
            return "unknown";
        }
        return answers.minor() ? "minor" : "adult";
    }

    private static String imagesPage(Model model, Locale locale) {
        model.addAttribute("imagesPath", imagesPath(locale));
        model.addAttribute("requestPath", viewPath(locale));
        model.addAttribute("maxImages", IntakeManagement.MAX_IMAGE_HASHES);
        return "intake/images";
    }

    /** Back to the receipt form, saying the session ended (the receipt must be entered again). */
    private static String expired(Locale locale) {
        return "redirect:" + PortalPaths.followUp(locale) + "?expired";
    }

    @PostMapping({"/opvolgen/beelden", "/follow-up/images"})
    String submitImages(
            @RequestParam(name = "hashes", defaultValue = "") String hashes,
            @RequestParam(name = "age", defaultValue = "") String age,
            @RequestParam(name = "consent", defaultValue = "") String consent,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Optional<HelpRequestId> id = current(request);
        if (id.isEmpty()) {
            return expired(locale);
        }
        List<ImageHashesSubmitted.ImageHash> parsed = new java.util.ArrayList<>();
        boolean malformed = hashes.length() > 200 * IntakeManagement.MAX_IMAGE_HASHES;
        for (String line : malformed ? new String[0] : hashes.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(",");
            try {
                parsed.add(new ImageHashesSubmitted.ImageHash(parts[0], Integer.parseInt(parts[1]), parts[2]));
            } catch (RuntimeException e) {
                malformed = true;
            }
        }
        List<String> problems = malformed
                ? List.of("intake.images.problem.malformed")
                : intake.submitImageHashes(id.get(), parsed, !age.equals("adult"), consent.equals("yes"));
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("problems", problems);
            // What the person chose stays chosen.
            model.addAttribute("imageAge", List.of("minor", "adult", "unknown").contains(age) ? age : "unknown");
            return imagesPage(model, locale);
        }
        redirect.addFlashAttribute("done", "images-blocked");
        redirect.addFlashAttribute(
                "imageCount", parsed.stream().filter(h -> h.quality() >= 50).count());
        return "redirect:" + viewPath(locale);
    }

    private static String imagesPath(Locale locale) {
        return PortalPaths.followUp(locale) + (locale.getLanguage().equals("en") ? "/images" : "/beelden");
    }

    @PostMapping({"/opvolgen/delen", "/follow-up/share"})
    String share(
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            HttpServletRequest request,
            Locale locale,
            RedirectAttributes redirect) {
        Optional<HelpRequestId> id = current(request);
        if (id.isEmpty()) {
            return expired(locale);
        }
        boolean done = intake.share(id.get(), organisation);
        redirect.addFlashAttribute("done", done ? "shared" : "share-unknown");
        return "redirect:" + viewPath(locale);
    }

    @PostMapping({"/opvolgen/verwijderen", "/follow-up/delete"})
    String delete(
            @RequestParam(name = "confirm", defaultValue = "") String confirm,
            HttpServletRequest request,
            Locale locale,
            RedirectAttributes redirect) {
        Optional<HelpRequestId> id = current(request);
        if (id.isEmpty()) {
            return expired(locale);
        }
        if (!confirm.equals("yes")) {
            redirect.addFlashAttribute("done", "delete-unconfirmed");
            return "redirect:" + viewPath(locale);
        }
        intake.delete(id.get());
        request.getSession().invalidate();
        return "redirect:" + PortalPaths.followUp(locale)
                + (locale.getLanguage().equals("en") ? "/deleted" : "/verwijderd");
    }

    @GetMapping({"/opvolgen/verwijderd", "/follow-up/deleted"})
    String deleted() {
        return "intake/deleted";
    }

    @PostMapping({"/opvolgen/klaar", "/follow-up/done"})
    String done(HttpServletRequest request, Locale locale) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + PortalPaths.start(locale);
    }

    /** Everything the request page shows, including other modules' panels (takedown progress). */
    private void fill(Model model, IntakeManagement.FollowUp followUp, Locale locale) {
        model.addAttribute("helpRequest", followUp);
        model.addAttribute(
                "panels",
                panels.stream()
                        .flatMap(p -> p.panelsFor(followUp.id(), locale).stream())
                        .toList());
        model.addAttribute("plan", followUp.plan());
        model.addAttribute("answers", followUp.answers());
        model.addAttribute("now", directory.now());
        model.addAttribute("zone", nl.vangnet.directory.OpeningHours.ZONE);
        model.addAttribute("crisisLines", directory.crisisLines());
        // Shares are shown by the organisation's name, never its internal slug.
        model.addAttribute(
                "organisationNames",
                directory.all().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                nl.vangnet.directory.HelpOrganisation::slug,
                                nl.vangnet.directory.HelpOrganisation::name)));
        List<IntakeManagement.ConsentView> active = followUp.consents().stream()
                .filter(IntakeManagement.ConsentView::active)
                .toList();
        model.addAttribute("activeConsents", active);
        model.addAttribute(
                "notifyAddress", intake.notificationAddress(followUp.id()).orElse(null));
        if (!model.containsAttribute("notifyEmail")) {
            model.addAttribute("notifyEmail", "");
            model.addAttribute("notifyInvalid", false);
        }
        model.addAttribute(
                "staffShares",
                shares.stream()
                        .flatMap(s -> s.sharesFor(followUp.id(), locale).stream())
                        .toList());
        // Organisations by name, never by their internal slug.
        java.util.Map<String, String> names = new java.util.HashMap<>();
        directory.all().forEach(o -> names.put(o.slug(), o.name()));
        model.addAttribute("organisationNames", names);
        model.addAttribute(
                "shareable",
                intake.shareableOrganisations().stream()
                        .filter(o -> active.stream()
                                .noneMatch(c -> c.scope() == ConsentScope.SHARE_WITH_ORGANISATION
                                        && o.slug().equals(c.organisation())))
                        .toList());
    }

    private static String viewPath(Locale locale) {
        return PortalPaths.followUp(locale) + (locale.getLanguage().equals("en") ? "/request" : "/verzoek");
    }

    private static Optional<HelpRequestId> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(FOLLOW_UP);
        return id instanceof UUID uuid ? Optional.of(new HelpRequestId(uuid)) : Optional.empty();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
