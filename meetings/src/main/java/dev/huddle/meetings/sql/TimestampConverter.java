package dev.huddle.meetings.sql;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Stores an {@code Instant} as {@link ColumnValues} text: timestamptz on PostgreSQL, TEXT on SQLite. */
@Singleton
public final class TimestampConverter implements AttributeConverter<Instant, String> {
    @Override
    public String convertToPersistedValue(Instant entityValue, ConversionContext context) {
        return ColumnValues.timestamp(entityValue);
    }

    @Override
    public Instant convertToEntityValue(String persistedValue, ConversionContext context) {
        return ColumnValues.toInstant(persistedValue);
    }
}
