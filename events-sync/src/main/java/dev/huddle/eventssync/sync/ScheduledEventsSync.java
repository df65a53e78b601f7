package dev.huddle.eventssync.sync;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sync every {@code huddle.events-sync.schedule} (a duration such as {@code 15m}); without that setting the
 * bean does not exist, so the sync runs only when an admin asks. Every instance may carry the schedule: the lease
 * lets one of them run at a time and the others skip that turn.
 */
@Singleton
@Requires(property = "huddle.events-sync.schedule")
class ScheduledEventsSync {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledEventsSync.class);

    private final EventsSync sync;

    ScheduledEventsSync(EventsSync sync) {
        this.sync = sync;
    }

    @Scheduled(fixedDelay = "${huddle.events-sync.schedule}", initialDelay = "${huddle.events-sync.schedule}")
    void runOnSchedule() {
        try {
            sync.run();
        } catch (SyncAlreadyRunningException e) {
            LOG.info("Scheduled events sync skipped: {}", e.getMessage());
        }
    }
}
