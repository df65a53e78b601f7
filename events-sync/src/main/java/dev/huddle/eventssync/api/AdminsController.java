package dev.huddle.eventssync.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.SQLException;
import java.util.List;

/** {@code GET /api/admins} lists the portal's admins by email. */
@Controller("/api/admins")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminsController {
    private final EventQueries queries;

    AdminsController(EventQueries queries) {
        this.queries = queries;
    }

    @Get
    List<AdminView> list() throws SQLException {
        return queries.admins();
    }
}
