package nl.vangnet.cases;

import java.util.Set;

/** Where a case stands: new, triaged, in progress, referred, closed (with a reason). */
public enum CaseStatus {
    NEW,
    TRIAGED,
    IN_PROGRESS,
    REFERRED,
    CLOSED;

    /** The statuses a case may move to from this one. Closed cases can be reopened (back to in progress). */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> Set.of(TRIAGED, IN_PROGRESS, REFERRED, CLOSED);
            case TRIAGED -> Set.of(IN_PROGRESS, REFERRED, CLOSED);
            case IN_PROGRESS -> Set.of(REFERRED, CLOSED);
            case REFERRED -> Set.of(IN_PROGRESS, CLOSED);
            case CLOSED -> Set.of(IN_PROGRESS);
        };
    }

    /** True for statuses shown in the triage queue. */
    public boolean awaitingTriage() {
        return this == NEW || this == TRIAGED;
    }
}
