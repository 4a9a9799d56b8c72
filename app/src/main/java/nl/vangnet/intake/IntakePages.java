package nl.vangnet.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.vangnet.directory.HelpDirectory;
import nl.vangnet.directory.HelpOrganisation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guided help request: a start page, one question per screen, the urgent screen, the help
 * plan with the saving choices, and the receipt. Works without JavaScript: every step is a plain
 * form post followed by a redirect. Answers live in the server-side session only (never in hidden
 * fields), so a shared device keeps nothing in its form history; the start page sets no cookie,
 * the first question sets only the session cookie that carries the CSRF token.
 */
@Controller
class IntakePages {

    static final String ANSWERS = "vangnet.intake.answers";
    static final String RECEIPT = "receipt";

    private final IntakeManagement intake;
    private final HelpDirectory directory;
    private final FieldProblems problems;

    IntakePages(IntakeManagement intake, HelpDirectory directory, FieldProblems problems) {
        this.intake = intake;
        this.directory = directory;
        this.problems = problems;
    }

    @GetMapping({"/", "/help"})
    String start(Model model) {
        model.addAttribute("openNow", directory.openNow());
        model.addAttribute("now", directory.now());
        model.addAttribute("firstQuestion", Question.NOW.slug());
        model.addAttribute("crisisLines", directory.crisisLines());
        model.addAttribute(
                "ownBehaviour",
                directory.all().stream()
                        .filter(o -> o.active() && o.audience() == HelpOrganisation.Audience.OWN_BEHAVIOUR)
                        .toList());
        return "intake/start";
    }

    @GetMapping({"/hulp", "/hulp/"})
    String dutchStart() {
        return "redirect:/";
    }

    @GetMapping({"/hulp/{step}", "/help/{step}"})
    String question(@PathVariable String step, HttpServletRequest request, Model model) {
        Question question = Question.bySlug(step).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        IntakeAnswers answers = answers(request);
        fillQuestion(model, question, answers, answers.values(question), String.join("\n", answers.urls()));
        return "intake/question";
    }

    @PostMapping({"/hulp/{step}", "/help/{step}"})
    String answer(
            @PathVariable String step,
            @RequestParam(name = "answer", required = false) List<String> values,
            @RequestParam(name = "urls", defaultValue = "") String urls,
            @RequestParam(name = "action", defaultValue = "next") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Question question = Question.bySlug(step).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        IntakeAnswers answers = answers(request);
        List<String> given = values == null ? List.of() : values;
        if (action.equals("skip")) {
            answers = answers.with(question, List.of());
            if (question == Question.IMAGES) {
                answers = answers.withUrls(List.of());
            }
        } else {
            List<AnswerRules.Problem> found = new ArrayList<>(AnswerRules.options(question, given));
            List<String> parsedUrls = List.of();
            if (question == Question.IMAGES) {
                parsedUrls = AnswerRules.urls(urls, found);
            }
            if (!found.isEmpty()) {
                response.setStatus(422);
                fillQuestion(model, question, answers, given, urls);
                model.addAttribute("problems", problems.show(found, locale));
                return "intake/question";
            }
            answers = answers.with(question, given);
            if (question == Question.IMAGES) {
                answers = answers.withUrls(parsedUrls);
            }
        }
        request.getSession().setAttribute(ANSWERS, answers);
        if (question == Question.NOW && answers.urgent()) {
            return "redirect:" + PortalPaths.urgent(locale);
        }
        return "redirect:" + next(question, answers, locale);
    }

    @GetMapping({"/hulp/direct", "/help/urgent"})
    String urgent(HttpServletRequest request, Locale locale, Model model) {
        IntakeAnswers answers = answers(request);
        model.addAttribute("answers", answers);
        model.addAttribute("openNow", directory.openNow());
        model.addAttribute("now", directory.now());
        model.addAttribute("nextPath", next(Question.NOW, answers, locale));
        model.addAttribute("crisisLines", directory.crisisLines());
        return "intake/urgent";
    }

    @GetMapping({"/hulp/plan", "/help/plan"})
    String plan(HttpServletRequest request, Model model) {
        fillPlan(model, answers(request), new IntakeManagement.SaveChoices(false, "", List.of(), ""));
        return "intake/plan";
    }

    @PostMapping({"/hulp/plan", "/help/plan"})
    String save(
            @RequestParam(name = "askProfessional", defaultValue = "false") boolean askProfessional,
            @RequestParam(name = "contact", defaultValue = "") String contact,
            @RequestParam(name = "shareWith", required = false) List<String> shareWith,
            @RequestParam(name = "passphrase", defaultValue = "") String passphrase,
            @RequestParam(name = "ownWords", defaultValue = "") String ownWords,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        IntakeAnswers answers = answers(request);
        IntakeManagement.SaveChoices choices = new IntakeManagement.SaveChoices(
                askProfessional, contact, shareWith == null ? List.of() : shareWith, passphrase, ownWords);
        try {
            IntakeManagement.Submission submission =
                    intake.submit(answers, choices, IntakeManagement.Source.WEB, locale);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ANSWERS);
            }
            if (choices.askProfessional()) {
                // Lets the saved page offer the reply notification for this request, and nothing more:
                // this session can set an address for it, never read the request.
                request.getSession()
                        .setAttribute(
                                JUST_SAVED,
                                new JustSaved(
                                        submission.id().value(),
                                        !choices.passphrase().isEmpty()));
            }
            redirect.addFlashAttribute(RECEIPT, submission.receipt());
            redirect.addFlashAttribute("withPassphrase", !choices.passphrase().isEmpty());
            redirect.addFlashAttribute("askedProfessional", choices.askProfessional());
            return "redirect:" + PortalPaths.saved(locale);
        } catch (IntakeProblem problem) {
            response.setStatus(422);
            // The passphrase is never sent back into the page.
            fillPlan(
                    model,
                    answers,
                    new IntakeManagement.SaveChoices(
                            askProfessional, contact, choices.shareWith(), "", choices.ownWords()));
            model.addAttribute("problems", problems.show(problem.problems(), locale));
            return "intake/plan";
        }
    }

    @GetMapping({"/hulp/bewaard", "/help/saved"})
    String saved(HttpServletRequest request, Model model) {
        fillSaved(request, model, "");
        return "intake/saved";
    }

    /**
     * The victim asks for a reply notification right after saving. The receipt is posted back
     * (it is on the page anyway) so the page can show it again: it is shown only while it belongs
     * to the request just saved, and never stored.
     */
    @PostMapping({"/hulp/bewaard", "/help/saved"})
    String notifyAfterSaving(
            @RequestParam(name = "notifyEmail", defaultValue = "") String email,
            @RequestParam(name = "receipt", defaultValue = "") String receipt,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Optional<JustSaved> saved = justSaved(request);
        if (saved.isEmpty()) {
            return "redirect:" + PortalPaths.saved(locale);
        }
        HelpRequestId id = new HelpRequestId(saved.get().id());
        String shown = intake.isReceiptOf(id, receipt) ? receipt : null;
        try {
            intake.notifyRepliesTo(id, email, locale);
            if (shown != null) {
                redirect.addFlashAttribute(RECEIPT, shown);
                redirect.addFlashAttribute("withPassphrase", saved.get().withPassphrase());
                redirect.addFlashAttribute("askedProfessional", true);
            }
            redirect.addFlashAttribute("done", "notify-set");
            return "redirect:" + PortalPaths.saved(locale);
        } catch (IntakeProblem problem) {
            response.setStatus(422);
            if (shown != null) {
                model.addAttribute(RECEIPT, shown);
                model.addAttribute("withPassphrase", saved.get().withPassphrase());
                model.addAttribute("askedProfessional", true);
            }
            model.addAttribute("problems", problems.show(problem.problems(), locale));
            fillSaved(request, model, email.length() > 300 ? "" : email);
            return "intake/saved";
        }
    }

    private void fillSaved(HttpServletRequest request, Model model, String email) {
        Optional<JustSaved> saved = justSaved(request);
        model.addAttribute("notifyPossible", saved.isPresent());
        model.addAttribute(
                "notifyAddress",
                saved.flatMap(s -> intake.notificationAddress(new HelpRequestId(s.id())))
                        .orElse(null));
        model.addAttribute("notifyEmail", email);
    }

    /** The request saved in this session with professional help asked (see {@link #save}). */
    record JustSaved(java.util.UUID id, boolean withPassphrase) implements java.io.Serializable {}

    static final String JUST_SAVED = "vangnet.intake.justSaved";

    private static Optional<JustSaved> justSaved(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(JUST_SAVED);
        return saved instanceof JustSaved s ? Optional.of(s) : Optional.empty();
    }

    @PostMapping({"/hulp/wissen", "/help/clear"})
    String clear(HttpServletRequest request, Locale locale) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + PortalPaths.start(locale);
    }

    /**
     * The counter counts the main questions only, so it never jumps: a follow-up (what the person
     * who threatens wants, how old the other person is) carries the number of the question it
     * follows and says it is a follow-up.
     */
    private void fillQuestion(
            Model model, Question question, IntakeAnswers answers, List<String> selected, String urls) {
        List<Question> applicable = Question.applicable(answers);
        int index = applicable.indexOf(question);
        if (index < 0) {
            // A follow-up opened directly (a bookmark, the back button): show it after its parent.
            applicable = new ArrayList<>(applicable);
            applicable.add(applicable.indexOf(question.parent()) + 1, question);
            index = applicable.indexOf(question);
        }
        List<Question> main = Question.main();
        model.addAttribute("question", question);
        model.addAttribute("options", question.options());
        model.addAttribute("selected", selected);
        model.addAttribute("urls", urls);
        model.addAttribute("number", main.indexOf(question.parent()) + 1);
        model.addAttribute("total", main.size());
        model.addAttribute("followUp", question.followUp());
        model.addAttribute("previous", index > 0 ? applicable.get(index - 1).slug() : null);
    }

    private void fillPlan(Model model, IntakeAnswers answers, IntakeManagement.SaveChoices choices) {
        model.addAttribute("answers", answers);
        model.addAttribute("plan", intake.plan(answers));
        model.addAttribute("now", directory.now());
        model.addAttribute("shareable", intake.shareableOrganisations());
        model.addAttribute("openNow", directory.openNow());
        model.addAttribute("crisisLines", directory.crisisLines());
        model.addAttribute("choices", choices);
        List<Question> applicable = Question.applicable(answers);
        model.addAttribute("lastQuestion", applicable.getLast().slug());
    }

    private static String next(Question current, IntakeAnswers answers, Locale locale) {
        List<Question> applicable = Question.applicable(answers);
        int index = applicable.indexOf(current);
        Optional<Question> next =
                index >= 0 && index + 1 < applicable.size() ? Optional.of(applicable.get(index + 1)) : Optional.empty();
        return PortalPaths.help(locale) + "/" + next.map(Question::slug).orElse("plan");
    }

    static IntakeAnswers answers(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object answers = session == null ? null : session.getAttribute(ANSWERS);
        return answers instanceof IntakeAnswers a ? a : IntakeAnswers.EMPTY;
    }
}
