package nl.vangnet.takedown;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds who a notice about a URL goes to: first the staff-kept platform directory (a known
 * reporting channel or trusted-flagger contact beats anything RDAP says), then RDAP for the
 * network that serves the host (the hosting provider and its abuse contact), then RDAP for the
 * domain (the registrar's abuse contact) when the network lists none. Staff can override the
 * result per host; that happens on the request, not here.
 */
@Component
class HostIdentification {

    /** Second-level suffixes under which the registrable domain has three labels. */
    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "com.br",
            "com.tr", "co.za", "com.mx", "com.ar", "co.in", "com.cn", "com.tw", "com.sg", "co.kr");

    private final Platforms platforms;
    private final OutboundFetcher fetcher;
    private final RdapLookup rdap;

    HostIdentification(Platforms platforms, OutboundFetcher fetcher, RdapLookup rdap) {
        this.platforms = platforms;
        this.fetcher = fetcher;
        this.rdap = rdap;
    }

    HostContact identify(TakedownUrl url) {
        Optional<Platform> platform = platforms.covering(url.host());
        if (platform.isPresent()) {
            return platform.get().contact();
        }
        List<InetAddress> addresses;
        try {
            addresses = fetcher.resolve(url.host());
        } catch (UnknownHostException e) {
            return HostContact.unknown("unresolvable");
        }
        if (addresses.isEmpty()) {
            return HostContact.unknown("unresolvable");
        }
        InetAddress address = addresses.getFirst();
        if (!fetcher.policy().allows(address)) {
            return HostContact.unknown("not-public");
        }
        RdapLookup.Answer network = rdap.network(address);
        String provider = network.provider();
        String abuse = network.abuseEmail();
        String country = network.country();
        if (abuse == null && !url.hostIsAddress()) {
            RdapLookup.Answer domain = rdap.domain(registrableDomain(url.host()));
            abuse = domain.abuseEmail();
            if (provider == null) {
                provider = domain.provider();
            }
        }
        String language = ContactAddress.languageFor(country);
        if (abuse == null) {
            String problem = network.outcome() == RdapLookup.Outcome.FAILED
                    ? "rdap-failed"
                    : network.outcome() == RdapLookup.Outcome.NO_SERVER ? "rdap-no-server" : "no-abuse-contact";
            return new HostContact(
                    provider,
                    HostContact.Channel.NONE,
                    null,
                    country,
                    language,
                    HostContact.Source.RDAP,
                    null,
                    problem);
        }
        return new HostContact(
                provider, HostContact.Channel.EMAIL, abuse, country, language, HostContact.Source.RDAP, null, null);
    }

    static String registrableDomain(String asciiHost) {
        String[] labels = asciiHost.split("\\.");
        if (labels.length <= 2) {
            return asciiHost;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = TWO_LABEL_SUFFIXES.contains(lastTwo) ? 3 : 2;
        StringBuilder out = new StringBuilder();
        for (int i = labels.length - keep; i < labels.length; i++) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(labels[i]);
        }
        return out.toString();
    }
}
