package nl.vangnet.intake;

import java.util.UUID;

/** Identifies a saved help request across modules (never shown to the victim). */
public record HelpRequestId(UUID value) {

    public static HelpRequestId random() {
        return new HelpRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
