package nl.vangnet.cases;

import java.util.UUID;

/** Identifies one incident of a case. */
public record IncidentId(UUID value) {

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
