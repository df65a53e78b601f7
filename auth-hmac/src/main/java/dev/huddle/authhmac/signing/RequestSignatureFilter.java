package dev.huddle.authhmac.signing;

import dev.huddle.authhmac.signing.RequestVerifier.SignedRequest;
import dev.huddle.authhmac.signing.RequestVerifier.Verdict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;

/**
 * Refuses every {@code /api/**} request but {@code POST /api/sessions} unless it is signed (README, "Signed
 * requests"): 401 with {@code {"reason": ..., "message": ...}}. A request that passes carries its
 * {@link SignedSession} as a request attribute; under {@code /api/admin/} it must be an admin's ({@link AdminOnly}, 403
 * otherwise). The body the filter hashes stays readable by the controller; the
 * checks read the database, so they run on the blocking pool, never on the event loop.
 */
@ServerFilter("/api/**")
public class RequestSignatureFilter {
    static final String SESSIONS_PATH = "/api/sessions";
    private static final Logger LOG = LoggerFactory.getLogger(RequestSignatureFilter.class);

    private static final byte[] NO_BODY = new byte[0];

    private final RequestVerifier verifier;

    public RequestSignatureFilter(RequestVerifier verifier) {
        this.verifier = verifier;
    }

    /** Null lets the request through; otherwise the refusal is the response. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> verify(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (request.getMethod() == HttpMethod.POST && SESSIONS_PATH.equals(request.getPath())) {
            return null;
        }
        Verdict verdict = verifier.verify(new SignedRequest(request.getMethodName(), pathWithQuery(request.getUri()),
                request.getHeaders().get(SignatureHeaders.SESSION), request.getHeaders().get(SignatureHeaders.TIMESTAMP),
                request.getHeaders().get(SignatureHeaders.NONCE), request.getHeaders().get(SignatureHeaders.SIGNATURE),
                body == null ? NO_BODY : body), Instant.now());
        if (verdict.refusal() != null) {
            LOG.debug("Refused {} {}: {}", request.getMethodName(), request.getPath(), verdict.refusal().reason());
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(verdict.refusal());
        }
        request.setAttribute(SignedSession.ATTRIBUTE, verdict.session());
        return verdict.session().admin() || !AdminOnly.covers(request) ? null : AdminOnly.refusal(verdict.session());
    }

    /** The path and query exactly as the client sent them: percent-encoding is part of what it signed. */
    static String pathWithQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
