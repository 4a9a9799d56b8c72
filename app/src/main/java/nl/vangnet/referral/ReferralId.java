package nl.vangnet.referral;

import java.util.Optional;
import java.util.UUID;

/** Identifies a referral. */
public record ReferralId(UUID value) {

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    public static Optional<ReferralId> parse(String text) {
        try {
            return Optional.of(new ReferralId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
