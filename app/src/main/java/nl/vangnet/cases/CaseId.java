package nl.vangnet.cases;

import java.util.Optional;
import java.util.UUID;

/** Identifies a case file across modules. Carries nothing about the victim. */
public record CaseId(UUID value) {

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    /** Parses an ID from a path or form; empty for anything that is not a UUID. */
    public static Optional<CaseId> parse(String text) {
        try {
            return Optional.of(new CaseId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
