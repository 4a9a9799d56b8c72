package nl.vangnet.intake;

import java.time.Instant;
import java.util.List;
import nl.vangnet.directory.HelpDirectory;

/**
 * A personal help plan: concrete steps (codes; the words are in the message bundles under
 * {@code intake.step.<code>}) and the organisations that fit, ranked, each with why it fits.
 *
 * @param urgent threats are ongoing or the person is in danger: the immediate steps come first
 * @param at the moment "open now" was computed for
 */
public record HelpPlan(boolean urgent, List<String> steps, List<HelpDirectory.Match> organisations, Instant at) {

    public HelpPlan {
        steps = List.copyOf(steps);
        organisations = List.copyOf(organisations);
    }
}
