package dev.huddle.migration.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The installed time SQLite keeps as text, read as UTC without a date parser. */
class InstalledOnTest {

    @Test
    void readsSecondsFractionsAndEitherSeparatorAsUtc() {
        assertThat(HistoryTable.parseUtc("2025-06-15 05:18:28")).isEqualTo(Instant.parse("2025-06-15T05:18:28Z"));
        assertThat(HistoryTable.parseUtc("2025-06-15 05:18:28.123")).isEqualTo(Instant.parse("2025-06-15T05:18:28.123Z"));
        assertThat(HistoryTable.parseUtc("2025-06-15T05:18:28.5")).isEqualTo(Instant.parse("2025-06-15T05:18:28.500Z"));
        assertThat(HistoryTable.parseUtc("2024-02-29 23:59:59.123456789")).isEqualTo(Instant.parse("2024-02-29T23:59:59.123456789Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-06-15", "2025/06/15 05:18:28", "2025-13-01 00:00:00", "2023-02-29 00:00:00",
            "2025-06-15 25:00:00", "2025-06-15 05:18:28.x"})
    void readsAnythingElseAsUnknown(String text) {
        assertThat(HistoryTable.parseUtc(text)).isNull();
    }
}
