package nl.vangnet.takedown;

import java.util.UUID;

/**
 * The case a takedown request belongs to: the value of the cases module's {@code CaseId}. Kept
 * as the takedown module's own type so its tables and events stay free of the cases module's
 * internals; there is no foreign key across the two schemas, and the cases module's erasure event
 * removes what takedown holds for a case.
 */
public record CaseRef(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
