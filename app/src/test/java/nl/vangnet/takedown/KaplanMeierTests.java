package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The estimator against curves worked out by hand (ties and censoring included). */
class KaplanMeierTests {

    private static KaplanMeier.Observation removed(double hours) {
        return new KaplanMeier.Observation(hours, true);
    }

    private static KaplanMeier.Observation open(double hours) {
        return new KaplanMeier.Observation(hours, false);
    }

    @Test
    void withoutCensoringTheCurveIsTheEmpiricalShareStillOnline() {
        // 5 requests removed after 1..5 hours: S = 4/5, 3/5, 2/5, 1/5, 0.
        KaplanMeier km = KaplanMeier.estimate(List.of(removed(3), removed(1), removed(5), removed(2), removed(4)));
        double[] expected = {0.8, 0.6, 0.4, 0.2, 0.0};
        assertThat(km.steps()).hasSize(5);
        for (int i = 0; i < expected.length; i++) {
            assertThat(km.steps().get(i).survival()).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(km.quantile(0.5)).hasValue(3.0);
        assertThat(km.quantile(0.25)).hasValue(2.0);
        assertThat(km.quantile(0.9)).hasValue(5.0);
        assertThat(km.events()).isEqualTo(5);
    }

    @Test
    void censoredRequestsLeaveTheRiskSetWithoutADrop() {
        // Times 3, 5+, 6, 6, 8+, 10 (+ = still online when last seen):
        //   t=3:  6 at risk, 1 removed -> S = 5/6            = 0.8333
        //   t=5:  censored, no drop; 4 left at risk
        //   t=6:  4 at risk, 2 removed -> S = 5/6 * 2/4      = 0.4167
        //   t=8:  censored; 1 left
        //   t=10: 1 at risk, 1 removed -> S = 0
        KaplanMeier km =
                KaplanMeier.estimate(List.of(removed(3), open(5), removed(6), removed(6), open(8), removed(10)));
        assertThat(km.survival(2.9)).isEqualTo(1.0);
        assertThat(km.survival(3)).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(km.survival(5.5)).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(km.survival(6)).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(km.survival(9.9)).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(km.survival(10)).isEqualTo(0.0);
        assertThat(km.steps()).extracting(KaplanMeier.Step::atRisk).containsExactly(6, 5, 4, 2, 1);
        assertThat(km.quantile(0.5)).hasValue(6.0);
        assertThat(km.quantile(0.25)).hasValue(6.0);
        assertThat(km.quantile(0.9)).hasValue(10.0);
    }

    @Test
    void censoringAtTheTimeOfARemovalStillCountsAsAtRisk() {
        // Times 2, 2+, 4, 4+: at t=2 all 4 are at risk (the censored one leaves after): S = 3/4;
        // at t=4 two are at risk, one removed: S = 3/4 * 1/2 = 3/8.
        KaplanMeier km = KaplanMeier.estimate(List.of(removed(2), open(2), removed(4), open(4)));
        assertThat(km.survival(2)).isEqualTo(0.75);
        assertThat(km.survival(4)).isEqualTo(0.375);
        assertThat(km.quantile(0.5)).hasValue(4.0);
        assertThat(km.quantile(0.75)).isEmpty(); // S never drops to 0.25: not reached
    }

    @Test
    void tiedRemovalsDropTogether() {
        // Ten requests: four removed at 1 h, three at 24 h, three still online at 48 h.
        //   t=1:  10 at risk, 4 removed -> 0.6
        //   t=24: 6 at risk, 3 removed  -> 0.6 * 0.5 = 0.3
        List<KaplanMeier.Observation> data = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            data.add(removed(1));
        }
        for (int i = 0; i < 3; i++) {
            data.add(removed(24));
            data.add(open(48));
        }
        KaplanMeier km = KaplanMeier.estimate(data);
        assertThat(km.survival(1)).isCloseTo(0.6, within(1e-12));
        assertThat(km.survival(24)).isCloseTo(0.3, within(1e-12));
        assertThat(km.quantile(0.4)).hasValue(1.0); // S(1) = 0.6 <= 1 - 0.4
        assertThat(km.quantile(0.5)).hasValue(24.0);
        assertThat(km.quantile(0.9)).isEmpty();
        assertThat(km.size()).isEqualTo(10);
        assertThat(km.events()).isEqualTo(7);
    }

    @Test
    void droppingOpenRequestsWouldUnderstateTheMedian() {
        // Two fast removals and three hosts that never acted in 100 hours: the honest median is
        // not reached; the naive median over removed requests only would be 1.5 hours.
        KaplanMeier km = KaplanMeier.estimate(List.of(removed(1), removed(2), open(100), open(100), open(100)));
        assertThat(km.quantile(0.5)).isEmpty();
        assertThat(km.survival(100)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void allCensoredMeansNothingIsReachedAndEmptyInputIsFlat() {
        assertThat(KaplanMeier.estimate(List.of(open(3), open(4))).quantile(0.5))
                .isEmpty();
        KaplanMeier empty = KaplanMeier.estimate(List.of());
        assertThat(empty.survival(10)).isEqualTo(1.0);
        assertThat(empty.quantile(0.5)).isEmpty();
    }

    @Test
    void theCurveNeverRisesAndMatchesAProductLimitComputedTheSlowWay() {
        Random random = new Random(20261123L);
        for (int round = 0; round < 200; round++) {
            List<KaplanMeier.Observation> data = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                data.add(new KaplanMeier.Observation(random.nextInt(12), random.nextBoolean()));
            }
            KaplanMeier km = KaplanMeier.estimate(data);
            double previous = 1.0;
            for (int t = 0; t <= 12; t++) {
                double s = km.survival(t);
                assertThat(s).isLessThanOrEqualTo(previous + 1e-12);
                assertThat(s).isCloseTo(slowProductLimit(data, t), within(1e-9));
                previous = s;
            }
        }
    }

    /** S(t) straight from the definition: for each event time u <= t, multiply (1 - d(u) / n(u)). */
    private static double slowProductLimit(List<KaplanMeier.Observation> data, double t) {
        double s = 1.0;
        for (int u = 0; u <= t; u++) {
            int atRisk = 0;
            int events = 0;
            for (KaplanMeier.Observation o : data) {
                if (o.time() >= u) {
                    atRisk++;
                }
                if (o.time() == u && o.event()) {
                    events++;
                }
            }
            if (events > 0) {
                s *= 1.0 - (double) events / atRisk;
            }
        }
        return s;
    }

    @Test
    void refusesNegativeTimesAndQuantilesOutsideZeroToOne() {
        assertThatThrownBy(() -> removed(-1)).isInstanceOf(IllegalArgumentException.class);
        KaplanMeier km = KaplanMeier.estimate(List.of(removed(1)));
        assertThatThrownBy(() -> km.quantile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> km.quantile(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
