package dev.huddle.app;

import io.micronaut.runtime.Micronaut;

/** Starts the Huddle server. Database and migration settings: see {@code application.properties} and README. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
