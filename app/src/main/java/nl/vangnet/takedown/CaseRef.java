package nl.vangnet.takedown;

import java.util.Optional;
import java.util.UUID;

/**
 * An opaque reference to a case of the (future) cases module. The takedown module only stores it
 * and groups by it: there is no foreign key and no look-up, so cases can wire in later by passing
 * their own case ID here.
 */
public record CaseRef(UUID value) {

    public static CaseRef random() {
        return new CaseRef(UUID.randomUUID());
    }

    /** Parses a reference typed by staff; empty for anything that is not a UUID. */
    public static Optional<CaseRef> parse(String text) {
        try {
            return Optional.of(new CaseRef(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
