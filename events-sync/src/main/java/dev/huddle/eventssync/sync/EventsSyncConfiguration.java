package dev.huddle.eventssync.sync;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** How the events sync runs ({@code huddle.events-sync.*}); where it reads from is {@code AirtableConfiguration}. */
@ConfigurationProperties("huddle.events-sync")
public class EventsSyncConfiguration {
    /** The name its runs carry in sync_metadata; runs of one name never overlap. */
    public static final String SYNC_NAME = "airtable-events";

    // A run renews its lease after every page; one that has not for this long is taken to have died with its instance.
    private Duration leaseTimeout = Duration.ofMinutes(10);

    public Duration getLeaseTimeout() {
        return leaseTimeout;
    }

    public void setLeaseTimeout(Duration leaseTimeout) {
        this.leaseTimeout = leaseTimeout;
    }
}
