package nl.vangnet.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A platform or partner system that calls the API with a key. The key itself is never stored. */
public record ApiClient(
        UUID id,
        String name,
        OrganisationId organisationId,
        String keyPrefix,
        Set<ApiScope> scopes,
        int requestsPerMinute,
        Instant createdAt,
        String createdBy,
        @Nullable Instant revokedAt) {

    public ApiClient {
        scopes = Set.copyOf(scopes);
    }

    public boolean active() {
        return revokedAt == null;
    }
}
