package nl.vangnet.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * One way to reach an organisation.
 *
 * @param contact a phone number, a web address without scheme, or an address
 * @param verified false while the contact detail has not been confirmed against a primary source;
 *     the portal then says so next to it
 */
public record Channel(UUID id, ChannelType type, String contact, boolean verified, OpeningHours hours) {

    /** Whether the channel is open now, closed now, or nobody knows. */
    public enum Availability {
        OPEN,
        CLOSED,
        UNKNOWN
    }

    public Availability availabilityAt(Instant now) {
        if (hours.kind() == OpeningHours.Kind.UNKNOWN) {
            return Availability.UNKNOWN;
        }
        return hours.isOpenAt(now) ? Availability.OPEN : Availability.CLOSED;
    }

    /** A phone number as a {@code tel:} target (digits and a leading +), or null for other channels. */
    public String telHref() {
        if (type != ChannelType.PHONE) {
            return null;
        }
        return "tel:" + contact.replaceAll("[^0-9+]", "");
    }
}
