package nl.vangnet.takedown;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One IANA RDAP bootstrap file (RFC 9224): which RDAP server answers for which IP ranges or
 * top-level domains. Parsed strictly enough that a broken download is refused instead of
 * replacing a working file.
 *
 * @param kind {@code dns}, {@code ipv4} or {@code ipv6}
 * @param publication the file's publication time stamp as written in it
 */
record RdapBootstrap(String kind, String publication, List<Service> services) {

    static final List<String> KINDS = List.of("dns", "ipv4", "ipv6");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One service entry: the ranges or domains, and the base URLs that serve them (https first). */
    record Service(List<String> entries, List<URI> urls) {}

    /** A CIDR block, pre-parsed for matching. */
    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    static RdapBootstrap parse(String kind, String json) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown bootstrap kind " + kind);
        }
        JsonNode root = JSON.readTree(json);
        JsonNode services = root.path("services");
        if (!services.isArray() || services.isEmpty()) {
            throw new IllegalArgumentException("bootstrap " + kind + " has no services");
        }
        List<Service> parsed = new ArrayList<>();
        for (JsonNode service : services) {
            if (!service.isArray() || service.size() < 2) {
                throw new IllegalArgumentException("bootstrap " + kind + " has a malformed service");
            }
            List<String> entries = new ArrayList<>();
            for (JsonNode entry : service.get(0)) {
                String value = entry.asString("").strip().toLowerCase(Locale.ROOT);
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("bootstrap " + kind + " has an empty entry");
                }
                if (!kind.equals("dns")) {
                    block(value); // validates the CIDR notation
                }
                entries.add(value);
            }
            List<URI> https = new ArrayList<>();
            List<URI> http = new ArrayList<>();
            for (JsonNode url : service.get(1)) {
                URI uri = URI.create(url.asString(""));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme();
                if (scheme.equals("https")) {
                    https.add(withSlash(uri));
                } else if (scheme.equals("http")) {
                    http.add(withSlash(uri));
                }
            }
            https.addAll(http);
            if (entries.isEmpty() || https.isEmpty()) {
                throw new IllegalArgumentException("bootstrap " + kind + " has a service without entries or URLs");
            }
            parsed.add(new Service(List.copyOf(entries), List.copyOf(https)));
        }
        return new RdapBootstrap(kind, root.path("publication").asString(""), List.copyOf(parsed));
    }

    private static URI withSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        byte[] network;
        int prefix;
        try {
            network = InetAddress.ofLiteral(cidr.substring(0, slash)).getAddress();
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr, e);
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        return new Block(network, prefix);
    }

    /** The RDAP base URL for an address: the service with the longest matching prefix. */
    Optional<URI> forAddress(InetAddress address) {
        boolean v4 = address instanceof Inet4Address;
        if (kind.equals("ipv4") != v4 || kind.equals("dns")) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        @Nullable URI best = null;
        int bestPrefix = -1;
        for (Service service : services) {
            for (String entry : service.entries()) {
                Block block = block(entry);
                if (block.prefix() > bestPrefix && block.contains(bytes)) {
                    best = service.urls().getFirst();
                    bestPrefix = block.prefix();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The RDAP base URL for a domain: the service with the longest matching label suffix. */
    Optional<URI> forDomain(String asciiDomain) {
        if (!kind.equals("dns")) {
            return Optional.empty();
        }
        String domain = asciiDomain.toLowerCase(Locale.ROOT);
        @Nullable URI best = null;
        int bestLength = -1;
        for (Service service : services) {
            for (String entry : service.entries()) {
                if ((domain.equals(entry) || domain.endsWith("." + entry)) && entry.length() > bestLength) {
                    best = service.urls().getFirst();
                    bestLength = entry.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    int entryCount() {
        return services.stream().mapToInt(s -> s.entries().size()).sum();
    }
}
