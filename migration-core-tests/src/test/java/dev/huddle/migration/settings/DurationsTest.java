package dev.huddle.migration.settings;

import dev.huddle.migration.failure.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"5, PT5S", "5s, PT5S", "2m, PT2M", "500ms, PT0.5S", "1h, PT1H", "0, PT0S", "' 30S ', PT30S"})
    void readsWholeSecondsOrAUnit(String text, Duration expected) {
        assertThat(Durations.parse("--lock-timeout", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "-5s"})
    void refusesANegativeTimeoutSayingSo(String text) {
        assertThatThrownBy(() -> Durations.parse("--lock-timeout", text))
                .isInstanceOf(UsageException.class)
                .hasMessage("--lock-timeout '" + text + "' is not a duration (a timeout cannot be negative). "
                        + "Write whole seconds (5), or with a unit: 500ms, 5s, 2m, 1h.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "1.5s", "PT5S", "5 minutes", ""})
    void refusesWhatIsNoDurationNamingTheSettingAndTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse("HUDDLE_MIGRATION_CONNECT_TIMEOUT", text))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("HUDDLE_MIGRATION_CONNECT_TIMEOUT '" + text + "' is not a duration.")
                .hasMessageEndingWith("500ms, 5s, 2m, 1h.");
    }

    @Test
    void describesADurationAsPeopleReadIt() {
        assertThat(Durations.describe(Duration.ofMillis(300))).isEqualTo("300 ms");
        assertThat(Durations.describe(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Durations.describe(Duration.ofSeconds(60))).isEqualTo("60 s");
        assertThat(Durations.describe(Duration.ofMinutes(5))).isEqualTo("5 min");
    }
}
