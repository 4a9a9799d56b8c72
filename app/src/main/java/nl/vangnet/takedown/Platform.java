package nl.vangnet.takedown;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the directory of known platform reporting channels, kept by staff. Its domains
 * decide which URLs it covers (a domain covers itself and its sub-domains); the channel used is
 * the trusted-flagger address when there is one, else the abuse e-mail address, else the web form.
 */
record Platform(
        UUID id,
        String name,
        List<String> domains,
        @Nullable String country,
        String language,
        @Nullable String trustedFlaggerEmail,
        @Nullable String abuseEmail,
        @Nullable String webFormUrl,
        @Nullable String note,
        boolean active,
        Instant updatedAt,
        String updatedBy) {

    Platform {
        domains = List.copyOf(domains);
    }

    boolean covers(String asciiHost) {
        String host = asciiHost.toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    /** The length of the most specific domain that covers the host, to choose between overlapping entries. */
    int specificity(String asciiHost) {
        String host = asciiHost.toLowerCase(Locale.ROOT);
        return domains.stream()
                .filter(d -> host.equals(d) || host.endsWith("." + d))
                .mapToInt(String::length)
                .max()
                .orElse(-1);
    }

    HostContact contact() {
        String country = this.country;
        if (trustedFlaggerEmail != null) {
            return new HostContact(
                    name,
                    HostContact.Channel.EMAIL,
                    trustedFlaggerEmail,
                    country,
                    language,
                    HostContact.Source.DIRECTORY,
                    id,
                    null);
        }
        if (abuseEmail != null) {
            return new HostContact(
                    name,
                    HostContact.Channel.EMAIL,
                    abuseEmail,
                    country,
                    language,
                    HostContact.Source.DIRECTORY,
                    id,
                    null);
        }
        if (webFormUrl != null) {
            return new HostContact(
                    name,
                    HostContact.Channel.WEB_FORM,
                    webFormUrl,
                    country,
                    language,
                    HostContact.Source.DIRECTORY,
                    id,
                    null);
        }
        return new HostContact(
                name,
                HostContact.Channel.NONE,
                null,
                country,
                language,
                HostContact.Source.DIRECTORY,
                id,
                "no-channel");
    }
}
