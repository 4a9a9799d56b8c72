package nl.vangnet.directory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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

    /**
     * The emergency number 112 (police, fire, ambulance): shown only to someone in danger now;
     * everywhere else pages carry "in danger, call 112" on a line of its own.
     */
    public boolean emergency() {
        return type == ChannelType.PHONE && contact.replaceAll("[^0-9]", "").equals("112");
    }

    /**
     * A chat or form as a web link: the address at the start of the contact (e.g. {@code
     * helpwanted.nl} in "helpwanted.nl (situatiecheck)") with https://, or null when the contact
     * is not a web address (a phone number, a walk-in place).
     */
    public @Nullable String webHref() {
        if (type != ChannelType.CHAT && type != ChannelType.FORM) {
            return null;
        }
        return HelpOrganisation.webHref(contact.strip().split("\\s+")[0]);
    }

    /** A phone number as a {@code tel:} target (digits and a leading +), or null for other channels. */
    public @Nullable String telHref() {
        if (type != ChannelType.PHONE) {
            return null;
        }
        return "tel:" + contact.replaceAll("[^0-9+]", "");
    }
}
