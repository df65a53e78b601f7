package dev.huddle.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and spreads of timings, and the marginal cost of one more migration between two corpus sizes. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double min(List<Double> values) {
        return Collections.min(values);
    }

    static double max(List<Double> values) {
        return Collections.max(values);
    }

    /** Each round's value divided by the same round's reference, then the median of those ratios. */
    static double medianRatio(List<Double> values, List<Double> references) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / references.get(i));
        }
        return median(ratios);
    }

    /** Seconds per added migration between two sizes: (t(large) - t(small)) / (large - small). */
    static double marginal(double smallTime, int small, double largeTime, int large) {
        return (largeTime - smallTime) / (large - small);
    }
}
