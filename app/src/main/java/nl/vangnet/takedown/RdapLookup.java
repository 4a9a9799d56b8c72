package nl.vangnet.takedown;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks RDAP who holds an IP network (the hosting provider) or a domain (its registrar), and
 * remembers the answers for {@code cache-ttl} (failures and empty answers for {@code
 * negative-ttl}) so bulk requests do not hammer the registries. Requests go through the {@link
 * OutboundFetcher}, with its address checks on every redirect between registries.
 */
@Component
class RdapLookup {

    /** What an RDAP answer says about who to contact. */
    enum Outcome {
        FOUND,
        NOT_FOUND,
        NO_SERVER,
        FAILED
    }

    /**
     * @param provider the holder's name (organisation of the network or registrar)
     * @param abuseEmail the abuse contact's e-mail address
     * @param country ISO 3166-1 alpha-2 code of the network, if given
     * @param server the RDAP server that answered
     */
    record Answer(
            Outcome outcome,
            @Nullable String provider,
            @Nullable String abuseEmail,
            @Nullable String country,
            @Nullable String server) {

        static Answer of(Outcome outcome, @Nullable String server) {
            return new Answer(outcome, null, null, null, server);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_RDAP_BYTES = 1024 * 1024;

    private final RdapBootstraps bootstraps;
    private final OutboundFetcher fetcher;
    private final JdbcClient jdbc;
    private final TakedownProperties properties;
    private final Clock clock;

    RdapLookup(
            RdapBootstraps bootstraps,
            OutboundFetcher fetcher,
            JdbcClient jdbc,
            TakedownProperties properties,
            Clock clock) {
        this.bootstraps = bootstraps;
        this.fetcher = fetcher;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    Answer network(InetAddress address) {
        String kind = address instanceof java.net.Inet4Address ? "ipv4" : "ipv6";
        String key = "ip:" + address.getHostAddress();
        return cached(key).orElseGet(() -> {
            Optional<URI> base = bootstraps.file(kind).forAddress(address);
            Answer answer = base.isEmpty()
                    ? Answer.of(Outcome.NO_SERVER, null)
                    : query(base.get().resolve("ip/" + address.getHostAddress()), true);
            return remember(key, answer);
        });
    }

    Answer domain(String asciiDomain) {
        String key = "domain:" + asciiDomain;
        return cached(key).orElseGet(() -> {
            Optional<URI> base = bootstraps.file("dns").forDomain(asciiDomain);
            Answer answer = base.isEmpty()
                    ? Answer.of(Outcome.NO_SERVER, null)
                    : query(base.get().resolve("domain/" + asciiDomain), false);
            return remember(key, answer);
        });
    }

    private Answer query(URI url, boolean network) {
        OutboundFetcher.Result result =
                fetcher.get(url, OutboundFetcher.BodyPolicy.ALWAYS, "application/rdap+json", MAX_RDAP_BYTES);
        String server = url.getHost();
        if (!(result instanceof OutboundFetcher.Response response)) {
            return Answer.of(Outcome.FAILED, server);
        }
        if (response.status() == 404) {
            return Answer.of(Outcome.NOT_FOUND, server);
        }
        if (response.status() != 200 || response.body() == null) {
            return Answer.of(Outcome.FAILED, server);
        }
        try {
            Answer parsed = parse(new String(response.body(), StandardCharsets.UTF_8), network);
            return new Answer(
                    parsed.outcome(),
                    parsed.provider(),
                    parsed.abuseEmail(),
                    parsed.country(),
                    response.finalUri().getHost());
        } catch (RuntimeException e) {
            return Answer.of(Outcome.FAILED, server);
        }
    }

    /**
     * Reads an RDAP object (RFC 9083): the abuse contact is the e-mail of an entity with the role
     * {@code abuse}, found at any depth (registries nest it under the registrant or registrar); the
     * provider is the registrant's (network) or registrar's (domain) name.
     */
    static Answer parse(String json, boolean network) {
        JsonNode root = JSON.readTree(json);
        String holderRole = network ? "registrant" : "registrar";
        String provider = findName(root.path("entities"), holderRole);
        if (provider == null && network) {
            provider = text(root.path("name"));
        }
        String abuse = findEmail(root.path("entities"), "abuse");
        String country = text(root.path("country"));
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                country = null;
            }
        }
        Outcome outcome = provider == null && abuse == null ? Outcome.NOT_FOUND : Outcome.FOUND;
        return new Answer(outcome, provider, abuse, country, null);
    }

    private static @Nullable String findName(JsonNode entities, String role) {
        for (JsonNode entity : entities) {
            if (hasRole(entity, role)) {
                String name = vcard(entity, "fn");
                if (name != null) {
                    return name;
                }
            }
            String nested = findName(entity.path("entities"), role);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static @Nullable String findEmail(JsonNode entities, String role) {
        for (JsonNode entity : entities) {
            if (hasRole(entity, role)) {
                String email = vcard(entity, "email");
                if (email != null && ContactAddress.isEmail(email)) {
                    return email.toLowerCase(Locale.ROOT);
                }
            }
            String nested = findEmail(entity.path("entities"), role);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static boolean hasRole(JsonNode entity, String role) {
        for (JsonNode r : entity.path("roles")) {
            if (role.equals(r.asString(""))) {
                return true;
            }
        }
        return false;
    }

    /** A property of a jCard ({@code ["vcard", [[name, params, type, value], …]]}). */
    private static @Nullable String vcard(JsonNode entity, String property) {
        JsonNode card = entity.path("vcardArray");
        if (!card.isArray() || card.size() < 2) {
            return null;
        }
        for (JsonNode item : card.get(1)) {
            if (item.isArray()
                    && item.size() >= 4
                    && property.equals(item.get(0).asString(""))) {
                String value = text(item.get(3));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static @Nullable String text(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        String value = node.asString("").strip();
        return value.isEmpty() || value.length() > 200 ? null : value;
    }

    private Optional<Answer> cached(String key) {
        return jdbc.sql("""
                        SELECT outcome, provider, abuse_email, country, server FROM takedown.rdap_cache
                        WHERE lookup_key = :key AND expires_at > :now
                        """)
                .param("key", key)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Answer(
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("provider"),
                        rs.getString("abuse_email"),
                        rs.getString("country"),
                        rs.getString("server")))
                .optional();
    }

    private Answer remember(String key, Answer answer) {
        Instant now = clock.instant();
        Instant expires = now.plus(
                answer.outcome() == Outcome.FOUND
                        ? properties.rdap().cacheTtl()
                        : properties.rdap().negativeTtl());
        jdbc.sql("""
                        INSERT INTO takedown.rdap_cache (lookup_key, outcome, provider, abuse_email, country, server,
                                                          fetched_at, expires_at)
                        VALUES (:key, :outcome, :provider, :abuse, :country, :server, :now, :expires)
                        ON CONFLICT (lookup_key) DO UPDATE SET outcome = excluded.outcome,
                            provider = excluded.provider, abuse_email = excluded.abuse_email,
                            country = excluded.country, server = excluded.server,
                            fetched_at = excluded.fetched_at, expires_at = excluded.expires_at
                        """)
                .param("key", key)
                .param("outcome", answer.outcome().name())
                .param("provider", answer.provider())
                .param("abuse", answer.abuseEmail())
                .param("country", answer.country())
                .param("server", answer.server())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires))
                .update();
        return answer;
    }
}
