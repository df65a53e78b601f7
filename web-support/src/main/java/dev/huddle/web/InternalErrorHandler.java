package dev.huddle.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The answer to every exception no more specific handler takes (a database that fails, a bug): 500
 * {@code {"reason": "internal_error", "message": ..., "errorId": ...}}. Without it Micronaut would answer with the
 * exception's own text, which can show SQL, table names or a driver's detail to any client. The detail goes to the
 * log instead, masked ({@link MaskedFailure}), under the same error id, so an operator finds it from what a user quotes.
 *
 * <p>Refusals keep their own handlers: Micronaut picks the handler whose type is closest to the exception's, so
 * {@link RequestProblem}, bad JSON or a missing argument never reach this one.
 */
@Produces
@Singleton
public final class InternalErrorHandler implements ExceptionHandler<Exception, HttpResponse<Map<String, String>>> {
    public static final String INTERNAL_ERROR = "internal_error";

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrorHandler.class);

    @Override
    public HttpResponse<Map<String, String>> handle(HttpRequest request, Exception failure) {
        String errorId = ErrorIds.next();
        // The path only: a query string is the client's text and may carry a token.
        LOG.error("Request {} {} failed; answered 500 with error id {}", request.getMethodName(), request.getPath(),
                errorId, MaskedFailure.of(failure));
        return HttpResponse.<Map<String, String>>serverError().body(Map.of(
                "reason", INTERNAL_ERROR,
                "message", "The server failed to answer this request and its detail is kept out of answers. Try again "
                        + "later; if it persists, give the operator error id " + errorId + ", which the server log names.",
                "errorId", errorId));
    }
}
