package dev.huddle.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Answers a {@link RequestProblem} with its status and {@code {"reason": ..., "message": ...}}, the shape the
 * signed-request filter's 401s and 403s already have, so a client reads every refusal the same way.
 */
@Produces
@Singleton
public final class RequestProblemHandler implements ExceptionHandler<RequestProblem, HttpResponse<Map<String, String>>> {
    @Override
    public HttpResponse<Map<String, String>> handle(HttpRequest request, RequestProblem problem) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.valueOf(problem.status()))
                .body(Map.of("reason", problem.reason(), "message", problem.getMessage()));
    }
}
