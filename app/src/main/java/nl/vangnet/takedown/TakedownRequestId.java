package nl.vangnet.takedown;

import java.util.UUID;

/** Identifies one takedown request (one URL) across modules. */
public record TakedownRequestId(UUID value) {

    public static TakedownRequestId random() {
        return new TakedownRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
