package dev.huddle.migration.schema;

/**
 * One column as the database reports it.
 *
 * @param type         the engine's own spelling of the type ({@code character varying(200)}, {@code TEXT})
 * @param defaultValue the default expression, null when there is none
 */
public record Column(String name, String type, String defaultValue, boolean nullable) {

    /** The column as one snapshot line: name, type, nullability, default. */
    String describe() {
        return name + " " + type + (nullable ? "" : " not null") + (defaultValue == null ? "" : " default " + defaultValue);
    }
}
