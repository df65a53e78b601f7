package dev.huddle.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }

    @Test
    void ratiosAreTakenRoundByRoundThenTheMedian() {
        assertThat(Stats.medianRatio(List.of(2.0, 9.0, 3.0), List.of(1.0, 3.0, 3.0))).isEqualTo(2.0);
    }

    @Test
    void marginalCostIsTheSlopeBetweenTwoSizes() {
        assertThat(Stats.marginal(1.5, 100, 6.0, 1000)).isCloseTo(0.005, within(1e-12));
    }
}
