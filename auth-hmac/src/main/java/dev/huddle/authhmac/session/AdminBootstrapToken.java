package dev.huddle.authhmac.session;

import dev.huddle.authhmac.signing.Signature;
import dev.huddle.migration.failure.UsageException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

/**
 * The operator's secret that makes the first admin session: {@code huddle.auth.admin-bootstrap-token} (env
 * {@code HUDDLE_AUTH_ADMIN_BOOTSTRAP_TOKEN}). Read from the environment, not bound to a configuration bean, whose
 * values Micronaut traces. Unset means no session can become admin through it. Made at start-up, so that a token too
 * short to be a secret stops the boot instead of the first registration.
 */
@Context
public class AdminBootstrapToken {
    static final String SETTING = "huddle.auth.admin-bootstrap-token";
    /** Shorter tokens are refused at start: the token alone grants admin rights. */
    static final int SHORTEST = 32;

    private final String configured;

    public AdminBootstrapToken(Environment environment) {
        String value = environment.getProperty(SETTING, String.class).map(String::strip).orElse("");
        if (!value.isEmpty() && value.length() < SHORTEST) {
            throw new UsageException("The admin bootstrap token (" + SETTING + ") is " + value.length() + " characters, too "
                    + "short for a secret that grants admin rights.", "Use at least " + SHORTEST + " characters, e.g. the "
                    + "output of `openssl rand -hex 32`, or leave it unset.");
        }
        this.configured = value;
    }

    public boolean isConfigured() {
        return !configured.isEmpty();
    }

    /** Constant-time, so that response times reveal nothing of the configured token. */
    public boolean matches(String presented) {
        return isConfigured() && presented != null && Signature.matches(configured, presented.strip());
    }
}
