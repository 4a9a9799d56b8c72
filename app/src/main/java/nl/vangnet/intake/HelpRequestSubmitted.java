package nl.vangnet.intake;

import java.time.Instant;
import java.util.List;

/**
 * A victim saved a help request. IDs and codes only, never text: the cases module will open a
 * case from it when {@code professionalHelpRequested} is true.
 *
 * @param ageBand the age band code, or {@code unknown}
 * @param needs need codes
 * @param sharedWith directory slugs of organisations the victim consented to share with
 * @param barriers barrier codes (what makes asking for help hard)
 * @param told codes of whom the victim has told already
 * @param ownWordsGiven whether the victim wrote something in their own words for the professional
 *     (the text stays encrypted in intake: {@code IntakeManagement.ownWords})
 */
public record HelpRequestSubmitted(
        HelpRequestId helpRequestId,
        Instant submittedAt,
        String taxonomyVersion,
        String suggestedCode,
        List<String> secondaryCodes,
        String ageBand,
        boolean urgent,
        boolean professionalHelpRequested,
        List<String> needs,
        List<String> sharedWith,
        List<String> barriers,
        List<String> told,
        boolean ownWordsGiven) {

    public HelpRequestSubmitted {
        secondaryCodes = List.copyOf(secondaryCodes);
        needs = List.copyOf(needs);
        sharedWith = List.copyOf(sharedWith);
        // Publications stored before these fields existed come back without them.
        barriers = barriers == null ? List.of() : List.copyOf(barriers);
        told = told == null ? List.of() : List.copyOf(told);
    }
}
