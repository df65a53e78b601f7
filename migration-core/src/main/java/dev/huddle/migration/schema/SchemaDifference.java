package dev.huddle.migration.schema;

/**
 * One way a live schema differs from the expected one.
 *
 * @param module   the module whose migrations create the element, or {@link #NO_MODULE} for an extra element no module owns
 * @param element  the element's key ({@code column meetings.title})
 * @param aspect   what differs: {@code missing}, {@code extra}, {@code type}, {@code default}, {@code nullability} or
 *                 {@code definition}
 * @param expected what the migrations create; null for an extra element
 * @param actual   what the database has; null for a missing element
 */
public record SchemaDifference(String module, String element, String aspect, String expected, String actual) {
    public static final String NO_MODULE = "(no module)";

    @Override
    public String toString() {
        return switch (aspect) {
            case "missing" -> "missing " + element + (expected == null || expected.isEmpty() ? "" : " (" + expected + ")");
            case "extra" -> "extra " + element + (actual == null || actual.isEmpty() ? "" : " (" + actual + ")");
            default -> element + " " + aspect + ": expected " + shown(expected) + ", found " + shown(actual);
        };
    }

    private static String shown(String value) {
        return value == null ? "none" : value;
    }
}
