package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TakedownStatisticsTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static TakedownStatistics.Row row(
            String host, String country, String code, int sentHoursAgo, Integer removedAfter) {
        Instant sent = NOW.minus(Duration.ofHours(sentHoursAgo));
        return new TakedownStatistics.Row(
                host,
                host.equals("a.example") ? "Alpha Hosting" : "",
                country,
                code,
                sent,
                removedAfter == null ? null : sent.plus(Duration.ofHours(removedAfter)));
    }

    @Test
    void groupsBelowTheMinimumCellAreLeftOutAndOnlyCounted() {
        List<TakedownStatistics.Row> rows = new ArrayList<>();
        // a.example: 6 requests, removed after 2, 2, 4, 10 hours; 2 still online after 48 hours.
        rows.add(row("a.example", "NL", "IBA-DIS", 100, 2));
        rows.add(row("a.example", "NL", "IBA-DIS", 100, 2));
        rows.add(row("a.example", "NL", "IBA-DIS", 100, 4));
        rows.add(row("a.example", "NL", "SXT-FIN", 100, 10));
        rows.add(row("a.example", "NL", "SXT-FIN", 48, null));
        rows.add(row("a.example", "NL", "SXT-FIN", 48, null));
        // b.example: 2 requests: too few to show.
        rows.add(row("b.example", "US", "IBA-DIS", 30, 1));
        rows.add(row("b.example", "US", "IBA-DIS", 30, null));

        TakedownFigures figures = TakedownStatistics.figures(rows, NOW, 5);

        TakedownFigures.Group all = figures.overall();
        assertThat(all.suppressed()).isFalse();
        assertThat(all.requests()).isEqualTo(8);
        assertThat(all.removed()).isEqualTo(5);
        assertThat(all.stillOnline()).isEqualTo(3);

        TakedownFigures.Dimension hosts = figures.dimensions().get(0);
        assertThat(hosts.name()).isEqualTo("host");
        assertThat(hosts.groups()).extracting(TakedownFigures.Group::key).containsExactly("a.example");
        assertThat(hosts.suppressedGroups()).isEqualTo(1);
        TakedownFigures.Group a = hosts.groups().getFirst();
        // By hand: t=2: 6 at risk, 2 removed -> 4/6; t=4: 4 at risk -> 4/6*3/4 = 1/2; t=10: 3 at risk
        // -> 1/2*2/3 = 1/3; the two open ones (48 h) are censored. Median = 4 h (S = 0.5 <= 0.5).
        assertThat(a.p25Hours()).isEqualTo(2.0);
        assertThat(a.medianHours()).isEqualTo(4.0);
        assertThat(a.p75Hours()).isNull(); // S never reaches 0.25
        assertThat(a.removedWithin24h()).isEqualTo(0.667);

        TakedownFigures.Dimension platforms = figures.dimensions().get(1);
        assertThat(platforms.groups()).extracting(TakedownFigures.Group::key).containsExactly("Alpha Hosting");
        TakedownFigures.Dimension countries = figures.dimensions().get(2);
        assertThat(countries.groups()).extracting(TakedownFigures.Group::key).containsExactly("NL");
        TakedownFigures.Dimension codes = figures.dimensions().get(3);
        assertThat(codes.groups()).extracting(TakedownFigures.Group::key).containsExactly("IBA-DIS");
        assertThat(codes.suppressedGroups()).isEqualTo(1);
    }

    @Test
    void tooFewRequestsOverallShowNothing() {
        TakedownFigures figures = TakedownStatistics.figures(List.of(row("a.example", "NL", "IBA-DIS", 5, 1)), NOW, 5);
        assertThat(figures.overall().suppressed()).isTrue();
        assertThat(figures.overall().requests()).isNull();
        assertThat(figures.overall().medianHours()).isNull();
        assertThat(figures.dimensions()).allSatisfy(d -> assertThat(d.groups()).isEmpty());
    }
}
