package nl.vangnet.survey;

import java.util.List;

/** Something a researcher or respondent has to change, as message keys (arguments after a '|'). */
class SurveyProblem extends RuntimeException {

    private final List<String> messageKeys;

    SurveyProblem(List<String> messageKeys) {
        super(String.join(",", messageKeys));
        this.messageKeys = List.copyOf(messageKeys);
    }

    List<String> messageKeys() {
        return messageKeys;
    }
}
