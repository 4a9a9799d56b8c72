package nl.vangnet.matching;

import java.util.List;
import java.util.UUID;

/** Hashes left their banks (withdrawn by the victim or staff); platforms learn it from the feed. */
public record HashesWithdrawn(List<UUID> references) {}
