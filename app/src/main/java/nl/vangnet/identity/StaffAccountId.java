package nl.vangnet.identity;

import java.util.UUID;

/** Typed identifier of a staff account. */
public record StaffAccountId(UUID value) {
    public static StaffAccountId random() {
        return new StaffAccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
