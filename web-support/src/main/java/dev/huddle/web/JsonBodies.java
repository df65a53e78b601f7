package dev.huddle.web;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a request body, taken by the controller as text, into a request record, and JSON columns to and from text.
 * Taking text (not a bound record) keeps every refusal of a body a {@link RequestProblem} 400 worded here, instead of
 * a framework default.
 */
@Singleton
public final class JsonBodies {
    /** The largest body any Huddle API accepts, in bytes of UTF-8. */
    public static final int LARGEST_BODY_BYTES = 64 * 1024;

    private final JsonMapper mapper;

    public JsonBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The body as {@code type}. An absent body reads as {@code {}}: endpoints whose fields are all optional need none,
     * and the others refuse it by naming the first missing field, which says more than "no body".
     */
    public <T> T read(String body, Class<T> type) {
        String text = body == null || body.isBlank() ? "{}" : body;
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > LARGEST_BODY_BYTES) {
            throw RequestProblem.invalid("The body has " + size + " bytes; requests take at most " + LARGEST_BODY_BYTES
                    + ". Send less data per request.");
        }
        T value;
        try {
            value = mapper.readValue(text, Argument.of(type));
        } catch (IOException e) {
            throw RequestProblem.invalid("The body is not the JSON object this endpoint takes (" + summary(e)
                    + "); send a JSON object with the fields the README lists for it.");
        }
        if (value == null) {
            throw RequestProblem.invalid("The body is JSON null; send a JSON object.");
        }
        return value;
    }

    /** A JSON array or object as text, for the columns that hold JSON. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON column's text read back; a value that does not parse was not written by this application. */
    public <T> T parse(String json, Argument<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("A stored JSON value does not parse as " + type.getTypeName() + ": " + summary(e), e);
        }
    }

    private static String summary(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int lineEnd = message.indexOf('\n');
        return lineEnd < 0 ? message : message.substring(0, lineEnd);
    }
}
