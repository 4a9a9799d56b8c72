package nl.vangnet.takedown;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Staff asked for a URL to be taken down. IDs and codes only: the URL itself never travels in an
 * event.
 *
 * @param host the ASCII (punycode) host name of the URL
 * @param country the host's country (ISO 3166-1 alpha-2) if known
 * @param formCode the taxonomy code of what the content is
 */
public record TakedownRequested(
        TakedownRequestId requestId,
        CaseRef caseRef,
        Instant requestedAt,
        String host,
        @Nullable String platform,
        @Nullable String country,
        String taxonomyVersion,
        String formCode) {}
