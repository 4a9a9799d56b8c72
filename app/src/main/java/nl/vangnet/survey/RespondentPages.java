package nl.vangnet.survey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.vangnet.shared.Languages;
import nl.vangnet.shared.VangnetProperties;
import nl.vangnet.survey.Instrument.Item;
import nl.vangnet.survey.Instrument.Option;
import nl.vangnet.survey.Instrument.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public respondent pages under {@code /vragenlijst/{token}}: information and consent, one
 * page of questions at a time with server-side skip logic, a send page, and the end page with
 * support and the interview opt-in. Works without JavaScript; nothing is stored before sending.
 */
@Controller
class RespondentPages {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{8,20}");

    private final SurveyTaking taking;
    private final StateSeal seal;
    private final MessageSource messages;
    private final VangnetProperties properties;

    RespondentPages(SurveyTaking taking, StateSeal seal, MessageSource messages, VangnetProperties properties) {
        this.taking = taking;
        this.seal = seal;
        this.messages = messages;
        this.properties = properties;
    }

    @ExceptionHandler(SurveyTaking.Unavailable.class)
    String unavailable(SurveyTaking.Unavailable e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(e.refusal.status);
        // An exception handler gets a fresh model without the layout's advice attributes: add them,
        // or the page would lack its language and the quick-exit target.
        boolean english = Languages.isEnglish(locale);
        model.addAttribute("lang", english ? "en" : "nl");
        model.addAttribute("otherLang", english ? "nl" : "en");
        model.addAttribute("quickExitUrl", properties.quickExitUrl());
        model.addAttribute("quickExitPath", nl.vangnet.shared.QuickExit.PATH);
        model.addAttribute("demoMode", properties.demo());
        return message(model, "survey.unavailable.title", e.refusal.messageKey(), null);
    }

    private static String message(Model model, String titleKey, String textKey, @Nullable String token) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("textKey", textKey);
        model.addAttribute("restartToken", token);
        return "survey/message";
    }

    @GetMapping("/vragenlijst/{token}")
    String consent(@PathVariable String token, Model model) {
        SurveyTaking.Opened opened = taking.open(token);
        return consentPage(opened, token, model, List.of(), null, false, false);
    }

    private String consentPage(
            SurveyTaking.Opened opened,
            String token,
            Model model,
            List<String> problems,
            @Nullable String age,
            boolean consent,
            boolean parents) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("token", token);
        model.addAttribute("campaign", opened.campaign());
        model.addAttribute("instrumentTitle", opened.instrument().title().in(locale));
        model.addAttribute("purpose", opened.campaign().purpose(locale));
        model.addAttribute("problems", problems);
        model.addAttribute("age", age);
        model.addAttribute("consentChecked", consent);
        model.addAttribute("parentsChecked", parents);
        model.addAttribute(
                "parentalConsent", opened.campaign().parentalConsent().name());
        return "survey/consent";
    }

    @PostMapping("/vragenlijst/{token}/start")
    String start(
            @PathVariable String token,
            @RequestParam(name = "consent", required = false) @Nullable String consent,
            @RequestParam(name = "age", required = false) @Nullable String age,
            @RequestParam(name = "parents", required = false) @Nullable String parents,
            HttpServletResponse response,
            Model model) {
        SurveyTaking.Opened opened = taking.open(token);
        List<String> problems = new ArrayList<>();
        boolean agreed = "yes".equals(consent);
        boolean parentsOk = "yes".equals(parents);
        if (!"under16".equals(age) && !"16plus".equals(age)) {
            problems.add("survey.consent.problem.age");
        }
        if (!agreed) {
            problems.add("survey.consent.problem.consent");
        }
        boolean under16 = "under16".equals(age);
        ParentalConsent setting = opened.campaign().parentalConsent();
        if (under16 && setting.admitsUnder16() && !parentsOk) {
            problems.add("survey.consent.problem.parents." + setting.name().toLowerCase(Locale.ROOT));
        }
        if (under16 && !setting.admitsUnder16() && agreed) {
            return message(model, "survey.ineligible.title", "survey.ineligible.text", null);
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return consentPage(opened, token, model, problems, age, agreed, parentsOk);
        }
        Questionnaire questionnaire = new Questionnaire(opened.instrument());
        int first = questionnaire.nextPage(-1, new Answers());
        RespondentState state =
                taking.start(opened, under16 ? RespondentState.UNDER_16 : RespondentState.SIXTEEN_OR_OLDER, first);
        return questionPage(opened, token, state, model, List.of(), Map.of(), Map.of());
    }

    /** The language switch link of the layout lands here as a GET: start again from the information page. */
    @GetMapping({"/vragenlijst/{token}/page", "/vragenlijst/{token}/start", "/vragenlijst/{token}/interview"})
    String lost(@PathVariable String token) {
        return "redirect:/vragenlijst/" + (LinkTokens.wellFormed(token) ? token : "");
    }

    @PostMapping("/vragenlijst/{token}/page")
    String page(
            @PathVariable String token,
            @RequestParam(name = "state", defaultValue = "") String sealed,
            @RequestParam(name = "action", defaultValue = "next") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SurveyTaking.Opened opened = taking.open(token);
        Optional<RespondentState> opening = seal.open(sealed)
                .filter(s -> s.link().equals(opened.linkHash()))
                .filter(s -> s.instrument().equals(opened.instrument().key()));
        if (opening.isEmpty() || taking.expired(opening.get())) {
            response.setStatus(400);
            return message(model, "survey.state.title", "survey.state.text", token);
        }
        RespondentState state = opening.get();
        if ("stop".equals(action)) {
            return message(model, "survey.stopped.title", "survey.stopped.text", null);
        }
        Instrument instrument = opened.instrument();
        Questionnaire questionnaire = new Questionnaire(instrument);
        Answers answers = state.answerSet();

        if (state.page() == RespondentState.SEND_PAGE) {
            if ("send".equals(action)) {
                return send(opened, token, state, response, model);
            }
            int last = questionnaire.previousPage(instrument.pages().size(), questionnaire.effective(answers));
            return questionPage(opened, token, state.at(last, false, answers), model, List.of(), Map.of(), Map.of());
        }
        if (state.page() < 0 || state.page() >= instrument.pages().size()) {
            response.setStatus(400);
            return message(model, "survey.state.title", "survey.state.text", token);
        }
        List<Item> items = questionnaire.visibleItems(state.page(), answers);
        PageAnswers.Result read = PageAnswers.read(instrument, items, request.getParameterMap(), answers);
        boolean sensitiveAnswered =
                items.stream().anyMatch(i -> i.sensitive() && read.answers().has(i.id()));

        if ("language".equals(action)) {
            return questionPage(
                    opened,
                    token,
                    state.at(state.page(), state.support(), read.answers()),
                    model,
                    List.of(),
                    read.rawValues(),
                    read.rawChoices());
        }
        if ("back".equals(action)) {
            // Keep what was valid on this page; going back never shows errors.
            Answers kept = read.valid() ? read.answers() : answers;
            int previous = questionnaire.previousPage(state.page(), kept);
            int target = previous < 0 ? state.page() : previous;
            return questionPage(opened, token, state.at(target, false, kept), model, List.of(), Map.of(), Map.of());
        }
        if (!read.valid()) {
            response.setStatus(422);
            return questionPage(
                    opened,
                    token,
                    state.at(state.page(), state.support(), read.answers()),
                    model,
                    read.problems(),
                    read.rawValues(),
                    read.rawChoices());
        }
        Answers updated = read.answers();
        int next = questionnaire.nextPage(state.page(), updated);
        if (next < 0) {
            return sendPage(opened, token, state.at(RespondentState.SEND_PAGE, sensitiveAnswered, updated), model);
        }
        return questionPage(
                opened, token, state.at(next, sensitiveAnswered, updated), model, List.of(), Map.of(), Map.of());
    }

    private String send(
            SurveyTaking.Opened opened,
            String token,
            RespondentState state,
            HttpServletResponse response,
            Model model) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        SurveyTaking.Outcome outcome = taking.submit(opened, state, locale);
        switch (outcome) {
            case ALREADY_SENT -> {
                response.setStatus(409);
                return message(model, "survey.duplicate.title", "survey.duplicate.text", null);
            }
            case LINK_USED -> {
                response.setStatus(410);
                return message(model, "survey.unavailable.title", "survey.unavailable.link-used", null);
            }
            case STORED -> {}
        }
        model.addAttribute("token", token);
        model.addAttribute("interview", opened.campaign().interviewOptIn());
        if (opened.campaign().interviewOptIn()) {
            model.addAttribute("ticket", taking.issueTicket(opened.campaign()));
        }
        return "survey/done";
    }

    @PostMapping("/vragenlijst/{token}/interview")
    String interview(
            @PathVariable String token,
            @RequestParam(name = "ticket", defaultValue = "") String ticket,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "reachBy", defaultValue = "") String reachBy,
            @RequestParam(name = "details", defaultValue = "") String details,
            @RequestParam(name = "agree", required = false) @Nullable String agree,
            HttpServletResponse response,
            Model model) {
        SurveyTaking.Opened opened = openForInterview(token);
        if (!opened.campaign().interviewOptIn()) {
            response.setStatus(404);
            return message(model, "survey.unavailable.title", "survey.unavailable.unknown-link", null);
        }
        Optional<SurveyTaking.Ticket> valid = taking.openTicket(ticket, opened.campaign());
        if (valid.isEmpty()) {
            response.setStatus(400);
            return message(model, "survey.interview.expired.title", "survey.interview.expired.text", null);
        }
        List<String> problems = new ArrayList<>();
        String cleanName = PageAnswers.clean(name);
        String cleanDetails = PageAnswers.clean(details);
        if (cleanName.isEmpty() || cleanName.length() > 80) {
            problems.add("survey.interview.problem.name");
        }
        if ("EMAIL".equals(reachBy)) {
            if (!EMAIL.matcher(cleanDetails).matches() || cleanDetails.length() > 254) {
                problems.add("survey.interview.problem.email");
            }
        } else if ("PHONE".equals(reachBy)) {
            if (!PHONE.matcher(cleanDetails).matches()) {
                problems.add("survey.interview.problem.phone");
            }
        } else {
            problems.add("survey.interview.problem.reach-by");
        }
        if (!"yes".equals(agree)) {
            problems.add("survey.interview.problem.agree");
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("token", token);
            model.addAttribute("interview", true);
            model.addAttribute("ticket", ticket);
            model.addAttribute("problems", problems);
            model.addAttribute("name", cleanName);
            model.addAttribute("reachBy", reachBy);
            model.addAttribute("details", cleanDetails);
            model.addAttribute("afterSend", false);
            return "survey/done";
        }
        if (!taking.leaveContact(
                opened.campaign(), valid.get(), new InterviewContacts.Contact(cleanName, reachBy, cleanDetails))) {
            response.setStatus(409);
            return message(model, "survey.interview.duplicate.title", "survey.interview.duplicate.text", null);
        }
        return message(model, "survey.interview.thanks.title", "survey.interview.thanks.text", null);
    }

    /** A single-use link is used up by the sending itself; the interview form must still work. */
    private SurveyTaking.Opened openForInterview(String token) {
        try {
            return taking.open(token);
        } catch (SurveyTaking.Unavailable e) {
            if (e.refusal == SurveyTaking.Refusal.LINK_USED) {
                return taking.openIgnoringUse(token);
            }
            throw e;
        }
    }

    private String sendPage(SurveyTaking.Opened opened, String token, RespondentState state, Model model) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Answers effective = new Questionnaire(opened.instrument()).effective(state.answerSet());
        model.addAttribute("token", token);
        model.addAttribute("state", seal.seal(state));
        model.addAttribute("instrumentTitle", opened.instrument().title().in(locale));
        model.addAttribute("answeredCount", effective.size());
        model.addAttribute("support", state.support());
        return "survey/send";
    }

    /** One question, ready for the template. */
    record ItemView(
            String id,
            String type,
            String text,
            @Nullable String hint,
            List<OptionView> options,
            String value,
            @Nullable String problem,
            @Nullable Integer min,
            @Nullable Integer max,
            @Nullable Integer maxLength) {
        public String inputName() {
            return PageAnswers.param(id);
        }

        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (hint != null) {
                ids.add("hint-" + id);
            }
            if (problem != null) {
                ids.add("problem-" + id);
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }
    }

    record OptionView(int code, String label, boolean checked, String inputId) {}

    private String questionPage(
            SurveyTaking.Opened opened,
            String token,
            RespondentState state,
            Model model,
            List<PageAnswers.Problem> problems,
            Map<String, String> rawValues,
            Map<String, List<Integer>> rawChoices) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Instrument instrument = opened.instrument();
        Questionnaire questionnaire = new Questionnaire(instrument);
        Answers answers = state.answerSet();
        Page page = instrument.pages().get(state.page());
        Map<String, String> problemText = new HashMap<>();
        for (PageAnswers.Problem p : problems) {
            problemText.put(
                    p.itemId(),
                    messages.getMessage(p.messageKey(), p.arguments().toArray(), locale));
        }
        List<ItemView> views = new ArrayList<>();
        for (Item item : questionnaire.visibleItems(state.page(), answers)) {
            List<OptionView> options = new ArrayList<>();
            List<Integer> chosen = rawChoices.getOrDefault(item.id(), answers.codes(item.id()));
            for (Option o : instrument.optionsOf(item)) {
                options.add(new OptionView(
                        o.code(), o.label().in(locale), chosen.contains(o.code()), "a-" + item.id() + "-" + o.code()));
            }
            String value = rawValues.getOrDefault(
                    item.id(),
                    answers.text(item.id())
                            .orElse(answers.code(item.id()).map(String::valueOf).orElse("")));
            ItemType type = item.kind();
            views.add(new ItemView(
                    item.id(),
                    type == null ? "" : type.name().toLowerCase(Locale.ROOT),
                    item.text().in(locale),
                    item.hint() == null ? null : item.hint().in(locale),
                    options,
                    type == ItemType.NUMBER || type == ItemType.TEXT ? value : "",
                    problemText.get(item.id()),
                    item.min(),
                    item.max(),
                    item.maxLength()));
        }
        model.addAttribute("token", token);
        model.addAttribute("state", seal.seal(state));
        model.addAttribute("instrumentTitle", instrument.title().in(locale));
        model.addAttribute(
                "pageTitle", page.title() == null ? null : page.title().in(locale));
        model.addAttribute(
                "pageIntro", page.intro() == null ? null : page.intro().in(locale));
        model.addAttribute("items", views);
        model.addAttribute("problemCount", problems.size());
        model.addAttribute("pageNumber", questionnaire.visiblePageNumber(state.page(), answers));
        model.addAttribute("pageCount", questionnaire.visiblePageCount(answers));
        model.addAttribute("first", questionnaire.previousPage(state.page(), answers) < 0);
        model.addAttribute("support", state.support());
        return "survey/page";
    }
}
