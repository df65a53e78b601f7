package dev.huddle.meetings.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Timestamps as each engine hands them back read as the same instant; as stored, they sort as text. */
class ColumnValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-12-01T09:30:00.123Z      | SQLite, as the schema's defaults and the app write it",
            "2026-12-01 09:30:00.123       | SQLite's CURRENT_TIMESTAMP form, which is UTC",
            "2026-12-01 09:30:00.123+00    | PostgreSQL timestamptz text in a UTC session",
            "2026-12-01 11:30:00.123+02    | PostgreSQL in a session two hours east",
            "2026-12-01 04:00:00.123-05:30 | PostgreSQL in a session with a half-hour offset"})
    void readsEveryFormEitherEngineReturns(String text, String source) {
        assertThat(ColumnValues.toInstant(text)).as(source).isEqualTo(Instant.parse("2026-12-01T09:30:00.123Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-12-01 09:30:00+00          | 2026-12-01T09:30:00Z",
            "2026-12-01 09:30:00.123456+00   | 2026-12-01T09:30:00.123456Z",
            "2026-12-01T09:30:00.5Z          | 2026-12-01T09:30:00.500Z",
            "2026-12-31 23:30:00-01          | 2027-01-01T00:30:00Z"})
    void readsWholeSecondsMicrosecondsAndOffsetsAcrossMidnight(String text, String instant) {
        assertThat(ColumnValues.toInstant(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource({"2026-12-01T09:30:00Z, 2026-12-01T09:30:00.000Z", "2026-12-01T09:30:00.5Z, 2026-12-01T09:30:00.500Z"})
    void storesMillisecondsAlwaysSoTextOrderIsTimeOrder(String instant, String stored) {
        assertThat(ColumnValues.timestamp(Instant.parse(instant))).isEqualTo(stored);
    }
}
