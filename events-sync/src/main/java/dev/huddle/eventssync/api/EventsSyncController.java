package dev.huddle.eventssync.api;

import dev.huddle.eventssync.sync.EventsSync;
import dev.huddle.eventssync.sync.EventsSyncConfiguration;
import dev.huddle.eventssync.sync.SyncAlreadyRunningException;
import dev.huddle.eventssync.sync.SyncRun;
import dev.huddle.eventssync.sync.SyncRunLedger;
import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * The sync's admin endpoints: {@code POST /api/admin/events-sync/runs} runs it now and answers with the run (200 when it
 * succeeded, 502 when it failed, 409 {@code sync_running} while another run holds the lease);
 * {@code GET /api/admin/events-sync/runs?limit=N} shows the latest runs, newest first ({@code limit} 1 to 200, else
 * 400 {@code invalid_request}).
 */
@Controller("/api/admin/events-sync/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
class EventsSyncController {
    /** The 409's reason while another run holds the lease. */
    static final String SYNC_RUNNING = "sync_running";
    private static final int MAX_LIMIT = 200;
    private static final int DEFAULT_LIMIT = 20;

    private final EventsSync sync;
    private final SyncRunLedger ledger;

    EventsSyncController(EventsSync sync, SyncRunLedger ledger) {
        this.sync = sync;
        this.ledger = ledger;
    }

    @Post
    HttpResponse<SyncRun> runNow() {
        try {
            SyncRun run = sync.run();
            return HttpResponse.status("succeeded".equals(run.status()) ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(run);
        } catch (SyncAlreadyRunningException e) {
            throw RequestProblem.conflict(SYNC_RUNNING, e.getMessage());
        }
    }

    @Get
    List<SyncRun> recent(@Nullable @QueryValue String limit) {
        return ledger.recent(EventsSyncConfiguration.SYNC_NAME, RequestValues.wholeNumber(limit, "limit", 1, MAX_LIMIT,
                DEFAULT_LIMIT));
    }
}
