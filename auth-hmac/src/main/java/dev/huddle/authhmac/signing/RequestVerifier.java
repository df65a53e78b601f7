package dev.huddle.authhmac.signing;

import dev.huddle.authhmac.AuthConfiguration;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.UUID;

/**
 * Decides whether a request's signature holds, cheapest checks first: headers, clock, session, signature, and last
 * the nonce, so that only a correctly signed request can use one up. A correctly signed request costs at most one
 * database round trip, shared with the requests verified meanwhile ({@link NonceLedger}): its session's credentials
 * come from {@link SessionCredentialsCache}, and the statement that records the nonce also confirms the session is
 * still as cached. Any answer but success comes from the session's row as it is
 * now, never from the cache alone.
 */
@Singleton
public class RequestVerifier {
    static final int SHORTEST_NONCE = 16;
    static final int LONGEST_NONCE = 64;

    private final SessionCredentialsCache credentials;
    private final NonceLedger nonces;
    private final AuthConfiguration configuration;

    public RequestVerifier(SessionCredentialsCache credentials, NonceLedger nonces, AuthConfiguration configuration) {
        this.credentials = credentials;
        this.nonces = nonces;
        this.configuration = configuration;
    }

    /** What one request presented; any header may be null. */
    public record SignedRequest(String method, String pathWithQuery, String session, String timestamp, String nonce,
                                String signature, byte[] body) {
    }

    /** The session the request proved, or why it is refused. */
    public record Verdict(SignedSession session, Refusal refusal) {
        static Verdict refused(String reason, String message) {
            return new Verdict(null, new Refusal(reason, message));
        }
    }

    public Verdict verify(SignedRequest request, Instant now) {
        String missing = missingHeader(request);
        if (missing != null) {
            return Verdict.refused(Refusal.MISSING_HEADER, missing);
        }
        String nonce = request.nonce().strip();
        if (nonce.length() < SHORTEST_NONCE || nonce.length() > LONGEST_NONCE) {
            return Verdict.refused(Refusal.MISSING_HEADER, SignatureHeaders.NONCE + " must be " + SHORTEST_NONCE + " to "
                    + LONGEST_NONCE + " characters, new for every request");
        }
        Long timestamp = parseTimestamp(request.timestamp());
        if (timestamp == null) {
            return Verdict.refused(Refusal.MISSING_HEADER, SignatureHeaders.TIMESTAMP + " must be the request time in "
                    + "whole Unix seconds");
        }
        long window = configuration.getSignatureWindow().toSeconds();
        if (Math.abs(now.getEpochSecond() - timestamp) > window) {
            return Verdict.refused(Refusal.STALE_TIMESTAMP, SignatureHeaders.TIMESTAMP + " is more than " + window
                    + " s from the server's time (" + now.getEpochSecond() + "): sign with the current time and check "
                    + "the client's clock");
        }
        UUID id = parseSessionId(request.session());
        SessionCredentials session = id == null ? null : credentials.find(id);
        Verdict refusal = refusal(session, request, now);
        if (refusal != null) {
            return refusal;
        }
        String canonical = Signature.canonicalRequest(request.method(), request.pathWithQuery(), timestamp, nonce,
                request.body());
        if (!Signature.signs(session.key(), canonical, request.signature().strip())) {
            // The cached credentials may be out of date: the row decides between a bad signature and a gone session.
            Verdict gone = refusal(credentials.reload(id), request, now);
            return gone != null ? gone : Verdict.refused(Refusal.BAD_SIGNATURE, SignatureHeaders.SIGNATURE + " does not "
                    + "match the request: sign METHOD\\nPATH_WITH_QUERY\\nTIMESTAMP\\nNONCE\\nHEX_SHA256_OF_BODY with "
                    + "the session's secret (lowercase hex HMAC-SHA256)");
        }
        // Kept for as long as the same timestamp would pass the clock check; after that a replay is refused as stale.
        Instant expiresAt = Instant.ofEpochSecond(timestamp + window);
        if (nonces.recordForLiveSession(id, session.admin(), nonce, now, expiresAt)) {
            return new Verdict(session.signedSession(), null);
        }
        // Not recorded: a replay, or the row changed since the credentials were cached. Read it to know which.
        SessionCredentials current = credentials.reload(id);
        Verdict gone = refusal(current, request, now);
        if (gone != null) {
            return gone;
        }
        if (current.admin() != session.admin() && nonces.recordForLiveSession(id, current.admin(), nonce, now, expiresAt)) {
            return new Verdict(current.signedSession(), null);
        }
        return Verdict.refused(Refusal.REPLAYED_NONCE, SignatureHeaders.NONCE + " was already used with this "
                + "session: use a new random nonce for every request");
    }

    /** Why the session cannot sign now (unknown or expired), or null when it can. */
    private Verdict refusal(SessionCredentials session, SignedRequest request, Instant now) {
        if (session == null) {
            return Verdict.refused(Refusal.UNKNOWN_SESSION, "No client session " + request.session().strip()
                    + ": create one with POST /api/sessions");
        }
        if (session.isExpired(now)) {
            credentials.forget(session.id());
            return Verdict.refused(Refusal.EXPIRED_SESSION, "Client session " + session.id() + " expired at "
                    + session.expiresAt() + ": create a new one with POST /api/sessions");
        }
        return null;
    }

    /** The first of the four headers that is missing or blank, said as a refusal's message; null when all are there. */
    private static String missingHeader(SignedRequest request) {
        String missing = blank(request.session()) ? SignatureHeaders.SESSION
                : blank(request.timestamp()) ? SignatureHeaders.TIMESTAMP
                : blank(request.nonce()) ? SignatureHeaders.NONCE
                : blank(request.signature()) ? SignatureHeaders.SIGNATURE : null;
        return missing == null ? null : missing + " is missing: every /api request but POST /api/sessions is signed "
                + "(README, \"Signed requests\")";
    }

    private static boolean blank(String header) {
        return header == null || header.isBlank();
    }

    private static Long parseTimestamp(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID parseSessionId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
