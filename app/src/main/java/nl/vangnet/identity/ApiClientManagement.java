package nl.vangnet.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, checks and revokes API keys for platforms and partner systems. A key is
 * {@code vgk_<prefix>_<secret>}: the prefix finds the client, the 256-bit secret proves it, and only
 * the secret's SHA-256 is stored. The key is shown once, at creation.
 */
@Service
public class ApiClientManagement {

    private static final Pattern KEY = Pattern.compile("vgk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] PREFIX_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClients clients;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    ApiClientManagement(ApiClients clients, Organisations organisations, AuditTrail audit, Clock clock) {
        this.clients = clients;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ApiClient> clients() {
        return clients.all();
    }

    /** A new client and its key, to be shown once. */
    public record NewClient(ApiClient client, String key) {}

    @Transactional
    public NewClient create(
            String actor, String name, OrganisationId organisation, Set<ApiScope> scopes, int requestsPerMinute) {
        String trimmed = name == null ? "" : name.strip();
        List<String> problems = new ArrayList<>();
        if (trimmed.length() < 2 || trimmed.length() > 120 || trimmed.chars().anyMatch(Character::isISOControl)) {
            problems.add("apiclient.name.invalid");
        }
        if (organisations.byId(organisation).isEmpty()) {
            problems.add("account.organisation.unknown");
        }
        if (scopes.isEmpty()) {
            problems.add("apiclient.scopes.missing");
        }
        if (requestsPerMinute < 1 || requestsPerMinute > 100_000) {
            problems.add("apiclient.rate.invalid");
        }
        if (!problems.isEmpty()) {
            throw new StaffManagement.IdentityProblem(problems);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            prefix.append(PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)]);
        }
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiClient client = new ApiClient(
                UUID.randomUUID(),
                trimmed,
                organisation,
                prefix.toString(),
                scopes,
                requestsPerMinute,
                clock.instant(),
                actor,
                null);
        clients.add(client, sha256(secret));
        audit.record(
                actor,
                AuditAction.API_CLIENT_CREATED,
                "api-client",
                client.id().toString(),
                null,
                Map.of(
                        "scopes",
                        String.join(
                                ",", scopes.stream().map(Enum::name).sorted().toList())));
        return new NewClient(client, "vgk_" + prefix + "_" + secret);
    }

    @Transactional
    public void revoke(String actor, UUID id) {
        if (!clients.revoke(id, clock.instant())) {
            throw new StaffManagement.IdentityProblem(List.of("apiclient.unknown"));
        }
        audit.record(actor, AuditAction.API_CLIENT_REVOKED, "api-client", id.toString());
    }

    /** The outcome of checking a presented key. */
    public sealed interface Check {
        record Valid(ApiClient client) implements Check {}

        record Malformed() implements Check {}

        record Unknown() implements Check {}

        record Revoked() implements Check {}
    }

    public Check check(String presented) {
        Matcher m = KEY.matcher(presented == null ? "" : presented.strip());
        if (!m.matches()) {
            return new Check.Malformed();
        }
        Optional<ApiClients.Stored> stored = clients.byPrefix(m.group(1));
        if (stored.isEmpty()) {
            return new Check.Unknown();
        }
        byte[] expected = stored.get().keyHash().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return new Check.Unknown();
        }
        if (!stored.get().client().active()) {
            return new Check.Revoked();
        }
        return new Check.Valid(stored.get().client());
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
