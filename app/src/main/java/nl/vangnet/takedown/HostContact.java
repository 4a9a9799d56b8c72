package nl.vangnet.takedown;

import org.jspecify.annotations.Nullable;

/**
 * Who a notice about a host goes to and how.
 *
 * @param provider the hosting provider's or platform's name, if known
 * @param channel e-mail, a web form, or none found yet
 * @param address the e-mail address or the web form's URL
 * @param country ISO 3166-1 alpha-2 code of the host, if known
 * @param language {@code nl} or {@code en}: the language of notices to this host
 * @param source where this came from: the platform directory, RDAP, a staff override, or unknown
 * @param platformId the directory entry used, if any
 * @param problem why nothing was found ({@code takedown.contact.problem.<code>}), if so
 */
record HostContact(
        @Nullable String provider,
        Channel channel,
        @Nullable String address,
        @Nullable String country,
        String language,
        Source source,
        java.util.@Nullable UUID platformId,
        @Nullable String problem) {

    /** How a notice reaches the host. */
    enum Channel {
        EMAIL,
        WEB_FORM,
        NONE
    }

    /** Where the contact came from. */
    enum Source {
        DIRECTORY,
        RDAP,
        OVERRIDE,
        UNKNOWN
    }

    static HostContact unknown(String problem) {
        return new HostContact(null, Channel.NONE, null, null, "en", Source.UNKNOWN, null, problem);
    }

    public boolean reachable() {
        return channel != Channel.NONE && address != null;
    }
}
