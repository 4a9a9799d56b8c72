package nl.vangnet.takedown;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes {@link TakedownFigures} from the requests that reached their host. Time counts from the
 * first notice that reached the host; requests not removed yet are censored at now, and requests
 * whose case data was erased before removal at the moment of erasure. Groups below
 * the minimum cell size are left out (only their number is given), so a figure never describes
 * one or two victims' cases.
 */
@Component
class TakedownStatistics {

    /**
     * One sent request, reduced to what the figures need.
     *
     * @param observedUntil when watching the request ended without removal (its case's data was
     *     erased); null while it is still watched, so it is censored at now
     */
    record Row(
            String host,
            String platform,
            String country,
            String code,
            Instant sentAt,
            @Nullable Instant removedAt,
            @Nullable Instant observedUntil) {

        Row(String host, String platform, String country, String code, Instant sentAt, @Nullable Instant removedAt) {
            this(host, platform, country, code, sentAt, removedAt, null);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TakedownStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    TakedownFigures figures() {
        List<Row> rows = jdbc.sql("""
                        SELECT host, COALESCE(provider, '') AS platform, COALESCE(country, '') AS country, form_code,
                               sent_at, removed_at, NULL::timestamptz AS observed_until
                        FROM takedown.request WHERE sent_at IS NOT NULL
                        UNION ALL
                        SELECT host, COALESCE(provider, ''), COALESCE(country, ''), form_code, sent_at, removed_at,
                               erased_at
                        FROM takedown.erased_outcome
                        """)
                .query((rs, n) -> new Row(
                        rs.getString("host"),
                        rs.getString("platform"),
                        rs.getString("country"),
                        rs.getString("form_code"),
                        rs.getTimestamp("sent_at").toInstant(),
                        rs.getTimestamp("removed_at") == null
                                ? null
                                : rs.getTimestamp("removed_at").toInstant(),
                        rs.getTimestamp("observed_until") == null
                                ? null
                                : rs.getTimestamp("observed_until").toInstant()))
                .list();
        return figures(rows, clock.instant(), TakedownFigures.MIN_CELL);
    }

    static TakedownFigures figures(List<Row> rows, Instant now, int minCell) {
        List<TakedownFigures.Dimension> dimensions = List.of(
                dimension("host", rows, Row::host, now, minCell),
                dimension("platform", rows, r -> r.platform().isEmpty() ? "unknown" : r.platform(), now, minCell),
                dimension("country", rows, r -> r.country().isEmpty() ? "unknown" : r.country(), now, minCell),
                dimension("code", rows, Row::code, now, minCell));
        return new TakedownFigures(now, minCell, group("all", rows, now, minCell), dimensions);
    }

    private static TakedownFigures.Dimension dimension(
            String name, List<Row> rows, Function<Row, String> key, Instant now, int minCell) {
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        rows.forEach(
                r -> byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<TakedownFigures.Group> groups = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<String, List<Row>> entry : byKey.entrySet()) {
            if (entry.getValue().size() < minCell) {
                suppressed++;
            } else {
                groups.add(group(entry.getKey(), entry.getValue(), now, minCell));
            }
        }
        groups.sort(Comparator.comparing((TakedownFigures.Group g) -> -g.requests())
                .thenComparing(TakedownFigures.Group::key));
        return new TakedownFigures.Dimension(name, groups, suppressed);
    }

    static TakedownFigures.Group group(String key, List<Row> rows, Instant now, int minCell) {
        if (rows.size() < minCell) {
            return new TakedownFigures.Group(key, true, null, null, null, null, null, null, null, null);
        }
        List<KaplanMeier.Observation> observations = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Instant end = row.removedAt() != null
                    ? row.removedAt()
                    : row.observedUntil() != null && row.observedUntil().isBefore(now) ? row.observedUntil() : now;
            double hours = Math.max(0, Duration.between(row.sentAt(), end).toSeconds()) / 3600.0;
            observations.add(new KaplanMeier.Observation(hours, row.removedAt() != null));
        }
        KaplanMeier km = KaplanMeier.estimate(observations);
        return new TakedownFigures.Group(
                key,
                false,
                km.size(),
                km.events(),
                km.size() - km.events(),
                round(km.quantile(0.25)),
                round(km.quantile(0.5)),
                round(km.quantile(0.75)),
                round(km.quantile(0.9)),
                Math.round((1.0 - km.survival(24.0)) * 1000) / 1000.0);
    }

    private static @Nullable Double round(OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble() * 10) / 10.0 : null;
    }
}
