package dev.huddle.app;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the Huddle server. Database and migration settings: see {@code application.properties} and README. */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        new Startup().args(args).mainClass(Application.class).banner(false).start();
    }

    /**
     * Micronaut's start, except that a failed boot is logged once as {@link BootFailure} says and exits with its code,
     * where Micronaut would log every wrapper's message with the whole stack trace and exit 1.
     */
    private static final class Startup extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            if (environment != null && environment.getActiveNames().contains(Environment.TEST)) {
                super.handleStartupException(environment, exception);
                return;
            }
            BootFailure failure = BootFailure.of(exception);
            Throwable trace = failure.traceToLog(LOG.isDebugEnabled());
            if (trace == null) {
                LOG.error(failure.message());
            } else {
                LOG.error(failure.message(), trace);
            }
            System.exit(failure.exitCode());
        }
    }
}
