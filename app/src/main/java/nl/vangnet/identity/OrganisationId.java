package nl.vangnet.identity;

import java.util.UUID;

/** Typed identifier of an organisation; other modules refer to organisations only by this. */
public record OrganisationId(UUID value) {
    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
