package nl.vangnet.takedown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RDAP bootstrap files in use. The application ships a subset of IANA's files (in {@code
 * takedown/rdap/}); a refresh downloads the current files from {@code
 * vangnet.takedown.rdap.bootstrap-base-url} (by hand from the staff page, or every {@code
 * bootstrap-refresh} when set), validates them and keeps them in the database, so a restart does
 * not fall back to the shipped subset. A failed or malformed download changes nothing.
 */
@Component
class RdapBootstraps {

    private static final Logger log = LoggerFactory.getLogger(RdapBootstraps.class);

    /** Where a file in use came from. */
    record Source(
            String kind,
            String publication,
            int entries,
            String origin,
            @Nullable Instant fetchedAt) {}

    /** The outcome of a refresh: per kind, either the new publication or the failure code. */
    record Refresh(Map<String, String> updated, Map<String, String> failed) {
        boolean complete() {
            return failed.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final OutboundFetcher fetcher;
    private final TakedownProperties properties;
    private final Clock clock;
    private final AtomicReference<Map<String, RdapBootstrap>> current = new AtomicReference<>();
    private final AtomicReference<Map<String, Source>> sources = new AtomicReference<>();
    private volatile @Nullable Instant lastAutomaticAttempt;

    RdapBootstraps(JdbcClient jdbc, OutboundFetcher fetcher, TakedownProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.fetcher = fetcher;
        this.properties = properties;
        this.clock = clock;
    }

    private void load() {
        Map<String, RdapBootstrap> files = new LinkedHashMap<>();
        Map<String, Source> origins = new LinkedHashMap<>();
        for (String kind : RdapBootstrap.KINDS) {
            Optional<Map<String, Object>> stored = jdbc
                    .sql("SELECT document, source_url, fetched_at FROM takedown.rdap_bootstrap WHERE kind = :kind")
                    .param("kind", kind)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst();
            RdapBootstrap file = null;
            if (stored.isPresent()) {
                try {
                    file = RdapBootstrap.parse(kind, (String) stored.get().get("document"));
                    origins.put(
                            kind,
                            new Source(
                                    kind,
                                    file.publication(),
                                    file.entryCount(),
                                    (String) stored.get().get("source_url"),
                                    ((Timestamp) stored.get().get("fetched_at")).toInstant()));
                } catch (RuntimeException e) {
                    log.warn("Stored RDAP bootstrap file {} is unreadable; using the shipped one", kind);
                    file = null;
                }
            }
            if (file == null) {
                file = RdapBootstrap.parse(kind, shipped(kind));
                origins.put(kind, new Source(kind, file.publication(), file.entryCount(), "shipped", null));
            }
            files.put(kind, file);
        }
        current.set(Map.copyOf(files));
        sources.set(Map.copyOf(origins));
    }

    private static String shipped(String kind) {
        try (InputStream in = new ClassPathResource("takedown/rdap/" + kind + ".json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped RDAP bootstrap file " + kind + " is missing", e);
        }
    }

    RdapBootstrap file(String kind) {
        if (current.get() == null) {
            load();
        }
        return current.get().get(kind);
    }

    List<Source> sources() {
        if (sources.get() == null) {
            load();
        }
        return RdapBootstrap.KINDS.stream().map(k -> sources.get().get(k)).toList();
    }

    /** Downloads all three files; each that parses replaces the one in use. */
    Refresh refresh() {
        Map<String, String> updated = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        URI base = properties.rdap().bootstrapBaseUrl();
        String baseText = base.toString().endsWith("/") ? base.toString() : base + "/";
        for (String kind : RdapBootstrap.KINDS) {
            URI url = URI.create(baseText + kind + ".json");
            OutboundFetcher.Result result = fetcher.get(url, OutboundFetcher.BodyPolicy.ALWAYS, "application/json");
            if (!(result instanceof OutboundFetcher.Response response) || response.status() != 200) {
                failed.put(kind, failureCode(result));
                continue;
            }
            String document =
                    new String(response.body() == null ? new byte[0] : response.body(), StandardCharsets.UTF_8);
            RdapBootstrap parsed;
            try {
                parsed = RdapBootstrap.parse(kind, document);
            } catch (RuntimeException e) {
                failed.put(kind, "malformed");
                continue;
            }
            jdbc.sql("""
                            INSERT INTO takedown.rdap_bootstrap (kind, document, publication, source_url, fetched_at)
                            VALUES (:kind, :document, :publication, :url, :at)
                            ON CONFLICT (kind) DO UPDATE SET document = excluded.document,
                                publication = excluded.publication, source_url = excluded.source_url,
                                fetched_at = excluded.fetched_at
                            """)
                    .param("kind", kind)
                    .param("document", document)
                    .param("publication", parsed.publication())
                    .param("url", url.toString())
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            updated.put(kind, parsed.publication());
        }
        if (!updated.isEmpty()) {
            // Hosts that had no RDAP server before may have one now.
            jdbc.sql("DELETE FROM takedown.rdap_cache WHERE outcome = 'NO_SERVER'")
                    .update();
        }
        load();
        log.info("RDAP bootstrap refresh: {} updated, {} failed", updated.keySet(), failed);
        return new Refresh(updated, failed);
    }

    /** Refreshes when automatic refreshing is on and the last attempt is older than the interval. */
    void refreshIfDue() {
        Duration every = properties.rdap().bootstrapRefresh();
        if (every.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastAutomaticAttempt;
        if (last == null) {
            last = sources().stream()
                    .map(Source::fetchedAt)
                    .filter(java.util.Objects::nonNull)
                    .min(Instant::compareTo)
                    .orElse(Instant.EPOCH);
        }
        if (now.isBefore(last.plus(every))) {
            return;
        }
        lastAutomaticAttempt = now;
        refresh();
    }

    private static String failureCode(OutboundFetcher.Result result) {
        return switch (result) {
            case OutboundFetcher.Response r -> "status-" + r.status();
            case OutboundFetcher.Refused r -> "refused-" + r.reason();
            case OutboundFetcher.Failed f -> f.failure().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
