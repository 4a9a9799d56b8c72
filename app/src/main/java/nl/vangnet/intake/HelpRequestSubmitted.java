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
        List<String> sharedWith) {

    public HelpRequestSubmitted {
        secondaryCodes = List.copyOf(secondaryCodes);
        needs = List.copyOf(needs);
        sharedWith = List.copyOf(sharedWith);
    }
}
