package dev.huddle.eventssync.api;

import dev.huddle.eventssync.sync.EventsSync;
import dev.huddle.eventssync.sync.EventsSyncConfiguration;
import dev.huddle.eventssync.sync.SyncAlreadyRunningException;
import dev.huddle.eventssync.sync.SyncRun;
import dev.huddle.eventssync.sync.SyncRunLedger;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;

/**
 * The sync's admin endpoints: {@code POST /api/admin/events-sync/runs} runs it now and answers with the run (200 when it
 * succeeded, 502 when it failed, 409 while another run holds the lease); {@code GET /api/admin/events-sync/runs?limit=N}
 * shows the latest runs, newest first.
 */
@Controller("/api/admin/events-sync/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
class EventsSyncController {
    private static final int MAX_LIMIT = 200;

    private final EventsSync sync;
    private final SyncRunLedger ledger;

    EventsSyncController(EventsSync sync, SyncRunLedger ledger) {
        this.sync = sync;
        this.ledger = ledger;
    }

    @Post
    HttpResponse<?> runNow() {
        try {
            SyncRun run = sync.run();
            return HttpResponse.status("succeeded".equals(run.status()) ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(run);
        } catch (SyncAlreadyRunningException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
        }
    }

    @Get
    List<SyncRun> recent(@QueryValue(defaultValue = "20") int limit) {
        return ledger.recent(EventsSyncConfiguration.SYNC_NAME, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
