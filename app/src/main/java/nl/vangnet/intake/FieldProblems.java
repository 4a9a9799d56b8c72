package nl.vangnet.intake;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns intake problems into sentences in the page language, each tied to its field. */
@Component
class FieldProblems {

    /** A problem as a page shows it. */
    record Shown(String field, String text) {}

    private final MessageSource messages;

    FieldProblems(MessageSource messages) {
        this.messages = messages;
    }

    List<Shown> show(List<AnswerRules.Problem> problems, Locale locale) {
        return problems.stream()
                .map(p -> new Shown(
                        p.field(),
                        messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale)))
                .toList();
    }
}
