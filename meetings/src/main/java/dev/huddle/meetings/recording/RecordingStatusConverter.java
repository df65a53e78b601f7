package dev.huddle.meetings.recording;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

import java.util.Locale;

/** Stores a {@link RecordingStatus} as the schema's lower-case label. */
@Singleton
public final class RecordingStatusConverter implements AttributeConverter<RecordingStatus, String> {
    @Override
    public String convertToPersistedValue(RecordingStatus entityValue, ConversionContext context) {
        return entityValue == null ? null : entityValue.label();
    }

    @Override
    public RecordingStatus convertToEntityValue(String persistedValue, ConversionContext context) {
        return persistedValue == null ? null : RecordingStatus.valueOf(persistedValue.toUpperCase(Locale.ROOT));
    }
}
