package dev.huddle.migration.rollback;

import dev.huddle.migration.failure.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackRequestTest {

    @Test
    void lastMeansOneStepOfEveryModule() {
        assertThat(RollbackRequest.last()).isEqualTo(new RollbackRequest(1, null, false, null));
    }

    @Test
    void acceptsEachExtentAloneWithOrWithoutAModule() {
        assertThat(new RollbackRequest(3, null, false, "alpha").steps()).isEqualTo(3);
        assertThat(new RollbackRequest(null, "20250101000000", false, null).toVersion()).isEqualTo("20250101000000");
        assertThat(new RollbackRequest(null, null, true, "beta").all()).isTrue();
        assertThat(new RollbackRequest(null, null, false, null).module()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesStepsBelowOne(int steps) {
        assertThatThrownBy(() -> new RollbackRequest(steps, null, false, null))
                .isInstanceOf(UsageException.class)
                .hasMessage("--steps must be 1 or more, not " + steps + ".");
    }

    @Test
    void refusesTwoExtentsAtOnce() {
        assertThatThrownBy(() -> new RollbackRequest(2, "20250101000000", false, null))
                .isInstanceOf(UsageException.class).hasMessage("Choose one of --steps, --to and --all.");
        assertThatThrownBy(() -> new RollbackRequest(2, null, true, null)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> new RollbackRequest(null, "20250101000000", true, "alpha")).isInstanceOf(UsageException.class);
    }
}
