package dev.huddle.meetings.sql;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Stores a {@code UUID} as its text: uuid on PostgreSQL, TEXT on SQLite. */
@Singleton
public final class UuidConverter implements AttributeConverter<UUID, String> {
    @Override
    public String convertToPersistedValue(UUID entityValue, ConversionContext context) {
        return entityValue == null ? null : entityValue.toString();
    }

    @Override
    public UUID convertToEntityValue(String persistedValue, ConversionContext context) {
        return persistedValue == null ? null : UUID.fromString(persistedValue);
    }
}
