package nl.vangnet.cases;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One coded incident of a case, as a reader with the coding part sees it.
 *
 * @param seq the order in which it was recorded
 * @param occurredMonth when it happened, if known; incidents are shown in this order
 * @param complete false for an imported legacy registration whose mandatory dimensions are missing
 * @param suggestedCode what the portal suggested, if this incident came from a help request
 * @param confirmedAt when staff confirmed or corrected the coding (null: still only a suggestion)
 * @param description staff's own words about this incident (decrypted), if any
 */
public record Incident(
        IncidentId id,
        int seq,
        @Nullable YearMonth occurredMonth,
        String taxonomyVersion,
        String code,
        Map<String, List<String>> dimensions,
        boolean complete,
        @Nullable String suggestedCode,
        Map<String, List<String>> suggestedDimensions,
        @Nullable Instant confirmedAt,
        @Nullable String confirmedBy,
        @Nullable String description,
        int version) {

    public Incident {
        dimensions = Map.copyOf(dimensions);
        suggestedDimensions = Map.copyOf(suggestedDimensions);
    }

    /** A portal suggestion nobody has confirmed or corrected yet. */
    public boolean awaitingConfirmation() {
        return suggestedCode != null && confirmedAt == null;
    }

    /** True once confirmed, when the final code is the one the portal suggested. */
    public boolean agreesWithSuggestion() {
        return suggestedCode != null && confirmedAt != null && suggestedCode.equals(code);
    }

    public List<String> values(String dimension) {
        return dimensions.getOrDefault(dimension, List.of());
    }
}
