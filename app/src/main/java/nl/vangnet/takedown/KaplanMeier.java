package nl.vangnet.takedown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Kaplan–Meier estimate of the survival function S(t) = P(still online after t) from
 * right-censored times: a request removed after t hours is an event at t; a request still online
 * (or refused, or escalated) after being watched for t hours is censored at t. At each distinct
 * event time t_j with d_j removals among n_j requests still at risk, S drops by the factor
 * (1 − d_j / n_j). Requests censored at exactly t_j count as at risk at t_j (the usual
 * convention: censoring happens just after events at the same time).
 *
 * <p>A quantile q (e.g. 0.5 for the median time to removal) is the smallest event time at which
 * S(t) ≤ 1 − q; it is undefined ("not reached") when the curve never gets that low, which is the
 * honest answer when too many requests are still open. Dropping open requests instead would make
 * hosts look faster than they are.
 */
final class KaplanMeier {

    /** One observation. */
    record Observation(double time, boolean event) {
        Observation {
            if (Double.isNaN(time) || time < 0) {
                throw new IllegalArgumentException("a time must be zero or more");
            }
        }
    }

    /** One step of the curve: at {@code time}, {@code atRisk} requests, {@code events} removals, survival after. */
    record Step(double time, int atRisk, int events, int censored, double survival) {}

    private final List<Step> steps;
    private final int size;
    private final int events;

    private KaplanMeier(List<Step> steps, int size, int events) {
        this.steps = List.copyOf(steps);
        this.size = size;
        this.events = events;
    }

    static KaplanMeier estimate(List<Observation> observations) {
        Observation[] sorted = observations.toArray(Observation[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(Observation::time));
        List<Step> steps = new ArrayList<>();
        int atRisk = sorted.length;
        double survival = 1.0;
        int totalEvents = 0;
        int i = 0;
        while (i < sorted.length) {
            double time = sorted[i].time();
            int eventsHere = 0;
            int censoredHere = 0;
            while (i < sorted.length && sorted[i].time() == time) {
                if (sorted[i].event()) {
                    eventsHere++;
                } else {
                    censoredHere++;
                }
                i++;
            }
            if (eventsHere > 0) {
                survival *= 1.0 - (double) eventsHere / atRisk;
            }
            steps.add(new Step(time, atRisk, eventsHere, censoredHere, survival));
            totalEvents += eventsHere;
            atRisk -= eventsHere + censoredHere;
        }
        return new KaplanMeier(steps, sorted.length, totalEvents);
    }

    List<Step> steps() {
        return steps;
    }

    int size() {
        return size;
    }

    int events() {
        return events;
    }

    /** S(t): the estimated share still online after t. */
    double survival(double t) {
        double s = 1.0;
        for (Step step : steps) {
            if (step.time() > t) {
                break;
            }
            s = step.survival();
        }
        return s;
    }

    /** The time by which a share q of requests is estimated to be removed; empty when not reached. */
    OptionalDouble quantile(double q) {
        if (q <= 0 || q >= 1) {
            throw new IllegalArgumentException("q must be between 0 and 1");
        }
        double threshold = 1.0 - q;
        for (Step step : steps) {
            // A tiny tolerance so that e.g. 1 − 2/4 = 0.5 counts as reaching the median despite rounding.
            if (step.events() > 0 && step.survival() <= threshold + 1e-12) {
                return OptionalDouble.of(step.time());
            }
        }
        return OptionalDouble.empty();
    }
}
