package dev.huddle.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Words the refusals Micronaut makes itself before a controller runs (no route for the path, a method the path does
 * not take, a body over {@code micronaut.server.max-request-size}, a query value that does not convert, a content type
 * not taken) in the {@code {"reason": ..., "message": ...}} shape of {@link RequestProblem}, instead of Micronaut's
 * default body, so a client reads every 4xx of every module alike. Micronaut uses its default only while no bean of
 * this type exists.
 */
@Singleton
public final class ProblemResponseProcessor implements ErrorResponseProcessor<Map<String, String>> {
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String BODY_TOO_LARGE = "body_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    private static final int LONGEST_DETAIL = 200;

    @Override
    public MutableHttpResponse<Map<String, String>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String request = context.getRequest().getMethodName() + " " + context.getRequest().getPath();
        Map<String, String> body = switch (status) {
            case NOT_FOUND -> problem(RequestProblem.NOT_FOUND, "No endpoint answers " + request + ": check the path "
                    + "against the README's API sections.");
            case METHOD_NOT_ALLOWED -> problem(METHOD_NOT_ALLOWED, request + " is not an endpoint, though the path takes "
                    + "other methods: check the method against the README's API sections.");
            case REQUEST_ENTITY_TOO_LARGE -> problem(BODY_TOO_LARGE, "The body is larger than this server accepts "
                    + "(micronaut.server.max-request-size); requests take at most " + JsonBodies.LARGEST_BODY_BYTES
                    + " bytes of JSON. Send less data per request.");
            case UNSUPPORTED_MEDIA_TYPE -> problem(UNSUPPORTED_MEDIA_TYPE, "This endpoint takes no body of that content "
                    + "type: send JSON with Content-Type: application/json.");
            case NOT_ACCEPTABLE -> problem(NOT_ACCEPTABLE, "This endpoint answers JSON only: accept application/json.");
            case BAD_REQUEST -> problem(RequestProblem.INVALID_REQUEST, "The request could not be read" + detail(context)
                    + ": check it against the README's API sections.");
            default -> problem(status.getCode() >= 500 ? InternalErrorHandler.INTERNAL_ERROR : "http_" + status.getCode(),
                    "The request was refused with HTTP " + status.getCode() + ".");
        };
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    private static Map<String, String> problem(String reason, String message) {
        return Map.of("reason", reason, "message", message);
    }

    /** The first error Micronaut names (which argument failed to convert, say), cut to one short line. */
    private static String detail(ErrorContext context) {
        if (!context.hasErrors()) {
            return "";
        }
        Error first = context.getErrors().get(0);
        String text = first.getMessage() == null ? "" : first.getMessage().strip();
        int lineEnd = text.indexOf('\n');
        text = lineEnd < 0 ? text : text.substring(0, lineEnd);
        text = text.length() > LONGEST_DETAIL ? text.substring(0, LONGEST_DETAIL) + "..." : text;
        return text.isEmpty() ? "" : " (" + text + ")";
    }
}
