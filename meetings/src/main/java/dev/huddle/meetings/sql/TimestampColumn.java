package dev.huddle.meetings.sql;

import io.micronaut.data.annotation.MappedProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a property stored through {@link TimestampConverter}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@MappedProperty(converter = TimestampConverter.class)
public @interface TimestampColumn {
}
