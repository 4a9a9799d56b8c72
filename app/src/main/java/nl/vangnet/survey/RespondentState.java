package nl.vangnet.survey;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything about a questionnaire in progress, carried by the respondent's own browser as a
 * sealed (encrypted and authenticated) hidden form field: nothing is stored on the server until
 * the respondent sends the answers, so stopping deletes everything by itself.
 *
 * @param link hex SHA-256 of the link token, so a state cannot be replayed on another link
 * @param instrument the instrument key, e.g. {@code help-seeking/1}
 * @param ageGroup 1 under 16, 2 16 or older
 * @param started when the respondent gave consent, in epoch seconds (only a duration is kept)
 * @param submission a random value whose hash makes a second submit of the same answers a no-op
 * @param page the index of the page being shown, or -1 for the send page
 * @param support whether the page shown should offer support (a sensitive item was just answered)
 */
record RespondentState(
        String link,
        String instrument,
        int ageGroup,
        long started,
        String submission,
        int page,
        boolean support,
        Map<String, Object> answers) {

    static final int UNDER_16 = 1;
    static final int SIXTEEN_OR_OLDER = 2;
    static final int SEND_PAGE = -1;

    RespondentState {
        answers = answers == null ? Map.of() : new LinkedHashMap<>(answers);
    }

    RespondentState at(int newPage, boolean withSupport, Answers newAnswers) {
        return new RespondentState(
                link, instrument, ageGroup, started, submission, newPage, withSupport, newAnswers.asMap());
    }

    Answers answerSet() {
        return new Answers(answers);
    }
}
