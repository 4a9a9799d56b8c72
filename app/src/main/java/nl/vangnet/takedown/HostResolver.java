package nl.vangnet.takedown;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. Every outbound connection resolves once through this, checks
 * every address and then connects to a checked address, so a second DNS answer cannot slip a
 * private address in (no DNS rebinding). Tests replace it with a fixed table.
 */
interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The operating system's resolver. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
