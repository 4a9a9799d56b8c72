package nl.vangnet.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A case moved to another status (with the closing reason when it was closed). */
public record CaseStatusChanged(
        CaseId caseId,
        CaseStatus from,
        CaseStatus to,
        @Nullable ClosingReason closingReason,
        Instant at) {}
