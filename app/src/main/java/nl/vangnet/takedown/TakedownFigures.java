package nl.vangnet.takedown;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Time-to-removal figures, in hours from the notice reaching the host, estimated with Kaplan–Meier
 * so requests still online count (censored) instead of being dropped. Groups with fewer than
 * {@link #MIN_CELL} requests are suppressed: their counts and figures are absent.
 *
 * @param generatedAt when the figures were computed (requests still online are censored here)
 * @param overall all sent requests together
 * @param dimensions per host, platform, country and taxonomy code
 */
public record TakedownFigures(Instant generatedAt, int minCell, Group overall, List<Dimension> dimensions) {

    public static final int MIN_CELL = 5;

    /** One grouping, e.g. per host. */
    public record Dimension(String name, List<Group> groups, int suppressedGroups) {}

    /**
     * One group's figures. When {@code suppressed}, every number is null.
     *
     * @param key the host, platform, country or code
     * @param requests how many requests were sent
     * @param removed how many of them were removed
     * @param stillOnline how many are censored (still online, refused or escalated)
     * @param medianHours the estimated median time to removal, null when not reached
     */
    public record Group(
            String key,
            boolean suppressed,
            @Nullable Integer requests,
            @Nullable Integer removed,
            @Nullable Integer stillOnline,
            @Nullable Double p25Hours,
            @Nullable Double medianHours,
            @Nullable Double p75Hours,
            @Nullable Double p90Hours,
            @Nullable Double removedWithin24h) {}
}
