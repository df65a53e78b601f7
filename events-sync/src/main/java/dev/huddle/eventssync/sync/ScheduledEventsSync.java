package dev.huddle.eventssync.sync;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs the sync every {@code huddle.events-sync.schedule} (a duration such as {@code 15m}), the first time one interval
 * after start-up; without that setting the bean does not exist, so the sync runs only when an admin asks. Every
 * instance may carry the schedule: the lease lets one of them run at a time and the others skip that turn.
 */
@Singleton
@Requires(property = "huddle.events-sync.schedule")
class ScheduledEventsSync {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledEventsSync.class);

    private final EventsSync sync;
    private final TaskScheduler scheduler;
    private final Duration interval;

    ScheduledEventsSync(EventsSync sync, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                        @Value("${huddle.events-sync.schedule}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("huddle.events-sync.schedule is " + interval + ": set a positive duration such as "
                    + "15m, or remove it to sync only on demand.");
        }
        this.sync = sync;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    // Scheduled here rather than with @Scheduled, so a missing scheduler fails the start-up instead of a log line.
    @EventListener
    void onStartup(StartupEvent event) {
        scheduler.scheduleWithFixedDelay(interval, interval, this::runOnce);
        LOG.info("The events sync runs every {}.", interval);
    }

    private void runOnce() {
        try {
            sync.run();
        } catch (SyncAlreadyRunningException e) {
            LOG.info("Scheduled events sync skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            // An exception would cancel every later run of the schedule: the next turn tries again instead.
            LOG.warn("Scheduled events sync could not run: {}", e.getMessage());
        }
    }
}
