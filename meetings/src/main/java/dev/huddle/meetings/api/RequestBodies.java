package dev.huddle.meetings.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSON request body into a request record. Controllers take the body as text so that every refusal (too large,
 * not JSON, wrong shape) is a 400 with a message from one place, never a framework default.
 */
@Singleton
public final class RequestBodies {
    /** The largest body the meetings API accepts, in bytes of UTF-8. */
    public static final int MAX_BYTES = 64 * 1024;

    private final JsonMapper json;

    public RequestBodies(JsonMapper json) {
        this.json = json;
    }

    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw RequestProblem.invalid("The request needs a JSON body; send one with Content-Type: application/json.");
        }
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw RequestProblem.invalid("The request body is " + bytes + " bytes; the limit is " + MAX_BYTES
                    + ". Send less data per request.");
        }
        try {
            T value = json.readValue(body, Argument.of(type));
            if (value == null) {
                throw RequestProblem.invalid("The request body is JSON null; send a JSON object.");
            }
            return value;
        } catch (IOException e) {
            throw RequestProblem.invalid("The request body is not a valid JSON object of the expected shape: "
                    + firstLine(e.getMessage()) + ". Fix the JSON and send it again.");
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T parse(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("A stored JSON value does not parse: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
