package dev.huddle.eventssync.sync;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.huddle.eventssync.AppContexts;
import dev.huddle.eventssync.DatabaseTextLeaks;
import dev.huddle.eventssync.EventsSyncModule;
import dev.huddle.eventssync.FakeAirtable;
import dev.huddle.eventssync.airtable.RetryPause;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sync against a fake Airtable on loopback, on a freshly migrated database of each engine. */
class EventsSyncIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(EventsSyncModule.NAME);

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final RetryPause recordingPause = pauses::add;
    private final List<ApplicationContext> contexts = new ArrayList<>();
    private FakeAirtable airtable;

    @BeforeEach
    void startAirtable() throws IOException {
        airtable = new FakeAirtable();
        airtable.put("Events", "recEvt1", "2025-01-01T00:00:00.000Z", "Name", "Launch", "Start", "2025-06-01T18:00:00.000Z",
                        "End", "2025-06-01T21:00:00.000Z", "Triage Status", "Approved", "Capacity", 80, "POC Email", "Ann@Example.org")
                .put("Events", "recEvt2", "2025-01-02T00:00:00.000Z", "Name", "Hack night", "Start", "2025-06-10",
                        "Triage Status", "In Review")
                .put("Events", "recEvt3", "2025-01-03T00:00:00.000Z", "Name", "Retro", "Location", "Room 4")
                .put("Attendees", "recAtt1", "2025-02-01T00:00:00.000Z", "Name", "Bo", "Email", "bo@example.org", "Event", List.of("recEvt1"))
                .put("Attendees", "recAtt2", "2025-02-02T00:00:00.000Z", "Name", "Cy", "Email", "cy@example.org", "Event", List.of("recEvt1"),
                        "Status", "Waitlisted")
                .put("Attendees", "recAtt3", "2025-02-03T00:00:00.000Z", "Name", "Di", "Event", List.of("recEvt2"));
    }

    @AfterEach
    void stop() {
        contexts.forEach(ApplicationContext::close);
        airtable.close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsEveryPageAndCreatesTheEventsWithTheirAttendees(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);

        SyncRun run = sync(db);

        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(List.of(run.recordsRead(), run.created(), run.updated(), run.removed(), run.skipped())).containsExactly(6, 6, 0, 0, 0);
        assertThat(run.errors()).isNull();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(airtable.requests()).filteredOn(r -> r.contains("/Events?")).hasSize(2);
        assertThat(airtable.requests()).filteredOn(r -> r.contains("offset=itr2")).hasSize(2);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.text(s, "SELECT name || '|' || triage_status || '|' || capacity || '|' || poc_email FROM events "
                    + "WHERE airtable_id = 'recEvt1'")).isEqualTo("Launch|approved|80|ann@example.org");
            assertThat(Queries.text(s, "SELECT triage_status FROM events WHERE airtable_id = 'recEvt2'")).isEqualTo("in_review");
            assertThat(Queries.text(s, "SELECT triage_status FROM events WHERE airtable_id = 'recEvt3'")).isEqualTo("untriaged");
            assertThat(Queries.count(s, "SELECT count(*) FROM attendees a JOIN events e ON e.id = a.event_id WHERE e.airtable_id = 'recEvt1'"))
                    .isEqualTo(2);
            assertThat(Queries.text(s, "SELECT registration_status FROM attendees WHERE airtable_id = 'recAtt2'")).isEqualTo("waitlisted");
            assertThat(Queries.count(s, "SELECT count(*) FROM sync_metadata WHERE status = 'succeeded' AND sync_name = '"
                    + EventsSyncConfiguration.SYNC_NAME + "'")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSecondRunWithoutUpstreamChangesChangesNothing(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        sync(db);
        List<String> before = rows(db);

        SyncRun second = sync(db);

        assertThat(second.status()).isEqualTo("succeeded");
        assertThat(List.of(second.created(), second.updated(), second.removed(), second.skipped())).containsOnly(0);
        assertThat(rows(db)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void updatesChangedRecordsMarksDeletedOnesRemovedAndRestoresThoseThatComeBack(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        sync(db);
        airtable.put("Events", "recEvt3", "2025-01-03T00:00:00.000Z", "Name", "Retro", "Location", "Room 5")
                .delete("Events", "recEvt2").delete("Attendees", "recAtt3").delete("Attendees", "recAtt2");

        SyncRun second = sync(db);

        assertThat(List.of(second.created(), second.updated(), second.removed())).containsExactly(0, 1, 3);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.text(s, "SELECT location FROM events WHERE airtable_id = 'recEvt3'")).isEqualTo("Room 5");
            assertThat(Queries.count(s, "SELECT count(*) FROM events WHERE removed_upstream_at IS NOT NULL")).isEqualTo(1);
            assertThat(Queries.count(s, "SELECT count(*) FROM attendees WHERE removed_upstream_at IS NOT NULL")).isEqualTo(2);
        }

        airtable.put("Attendees", "recAtt2", "2025-02-02T00:00:00.000Z", "Name", "Cy", "Email", "cy@example.org",
                "Event", List.of("recEvt1"), "Status", "Waitlisted");
        SyncRun third = sync(db);

        assertThat(List.of(third.created(), third.updated(), third.removed())).containsExactly(0, 1, 0);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.count(s, "SELECT count(*) FROM attendees WHERE removed_upstream_at IS NULL")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void skipsAndReportsMalformedRecordsAndSyncsTheRest(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        airtable.put("Events", "recNoName", "2025-01-04T00:00:00.000Z", "Location", "Hall")
                .put("Events", "recBadDate", "2025-01-05T00:00:00.000Z", "Name", "Soon", "Start", "next tuesday")
                .put("Events", "recBadStatus", "2025-01-06T00:00:00.000Z", "Name", "Maybe", "Triage Status", "Perhaps")
                .putRaw("Events", "noId", Map.of("fields", Map.of("Name", "Orphan")))
                .put("Attendees", "recNoEvent", "2025-02-04T00:00:00.000Z", "Name", "Ed")
                .put("Attendees", "recGoneEvent", "2025-02-05T00:00:00.000Z", "Name", "Fa", "Event", List.of("recNoName"));

        SyncRun run = sync(db);

        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(List.of(run.recordsRead(), run.created(), run.skipped())).containsExactly(12, 6, 6);
        assertThat(run.errors()).contains("Events recNoName: no Name", "Events recBadDate: Start 'next tuesday' is not",
                "Events recBadStatus: Triage Status 'Perhaps'", "Events (record without id)", "Attendees recNoEvent: no Event",
                "Attendees recGoneEvent: linked to event recNoName");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.count(s, "SELECT count(*) FROM events")).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keepsOneAttendeePerEventAndEmailTheFirstRegistered(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        sync(db);
        // Registered earlier in Airtable than recAtt1, and listed after it: it wins, recAtt1 is removed.
        airtable.put("Attendees", "recAtt9", "2025-01-15T00:00:00.000Z", "Name", "Bo B.", "Email", "BO@example.org ",
                "Event", List.of("recEvt1"));

        SyncRun run = sync(db);

        assertThat(List.of(run.created(), run.removed(), run.skipped())).containsExactly(1, 1, 1);
        assertThat(run.errors()).contains("Attendees recAtt1: duplicate of recAtt9");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.text(s, "SELECT airtable_id FROM attendees WHERE email = 'bo@example.org' AND removed_upstream_at IS NULL"))
                    .isEqualTo("recAtt9");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void waitsOutRateLimitsForRetryAfterCappedAtTheMaximumWait(Engine engine) {
        TestDatabase db = DATABASES.fresh(engine);
        airtable.rateLimitNext(2, "3");
        SyncRun first = sync(db);
        airtable.rateLimitNext(1, "3600");
        airtable.rateLimitNext(1, null);
        SyncRun second = sync(db);

        assertThat(first.status()).isEqualTo("succeeded");
        assertThat(second.status()).isEqualTo("succeeded");
        // 3 s twice as asked; then no header: the first doubling pause.
        assertThat(pauses).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1));

        pauses.clear();
        airtable.rateLimitNext(1, "3600");
        sync(db);
        assertThat(pauses).containsExactly(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void failsTheRunAfterItsRetriesAndWritesNothing(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        airtable.rateLimitNext(100, "0");

        SyncRun run = sync(db);

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.errors()).contains("kept answering 429", "after 5 retries");
        assertThat(pauses).hasSize(5);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.count(s, "SELECT count(*) FROM events")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void namesAWrongTokenWithoutShowingTheToken(Engine engine) {
        TestDatabase db = DATABASES.fresh(engine);
        Map<String, Object> settings = AppContexts.airtableSettings(airtable);
        settings.put("huddle.events-sync.airtable.token", "patWrongToken.another-s3cr3t");

        SyncRun run = context(db, settings).getBean(EventsSync.class).run();

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.errors()).contains("401", "AUTHENTICATION_REQUIRED", "huddle.events-sync.airtable.token")
                .doesNotContain("patWrongToken", "s3cr3t");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordsADatabaseFailureInItsOwnWordsAndLogsTheDetailUnderTheErrorId(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE attendees RENAME TO attendees_elsewhere");
        }
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger syncLog = (Logger) LoggerFactory.getLogger(EventsSync.class);
        syncLog.addAppender(log);
        SyncRun run;
        try {
            run = sync(db);
        } finally {
            syncLog.detachAppender(log);
        }

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.errors()).contains("a table or column the sync uses is missing", "huddle-migrate status",
                "Nothing was written", "error id ");
        DatabaseTextLeaks.assertNone(run.errors());
        String errorId = run.errors().replaceAll("(?s).*error id ([0-9a-f]{16}).*", "$1");
        assertThat(errorId).hasSize(16);
        assertThat(context(db, AppContexts.airtableSettings(airtable)).getBean(SyncRunLedger.class)
                .recent(EventsSyncConfiguration.SYNC_NAME, 1)).extracting(SyncRun::errors).containsExactly(run.errors());
        assertThat(log.list).as("the log line of error id " + errorId).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(errorId);
            StringBuilder detail = new StringBuilder();
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                detail.append(cause.getMessage()).append('\n');
            }
            assertThat(detail.toString()).contains("attendees").doesNotContain(FakeAirtable.TOKEN);
        });
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.count(s, "SELECT count(*) FROM events")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void letsOneOfTwoInstancesRunTheSyncAtATime(Engine engine) throws Exception {
        TestDatabase db = DATABASES.fresh(engine);
        EventsSync first = context(db, AppContexts.airtableSettings(airtable)).getBean(EventsSync.class);
        EventsSync second = context(db, AppContexts.airtableSettings(airtable)).getBean(EventsSync.class);
        CountDownLatch release = airtable.holdNextRequest();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<SyncRun> running = thread.submit(first::run);
            airtable.awaitHeldRequest();

            assertThatThrownBy(second::run).isInstanceOf(SyncAlreadyRunningException.class)
                    .hasMessageContaining("is already running").hasMessageContaining("huddle.events-sync.lease-timeout");

            release.countDown();
            assertThat(running.get().status()).isEqualTo("succeeded");
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
        assertThat(second.run().status()).isEqualTo("succeeded");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void takesOverARunWhoseHeartbeatStopped(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sync_metadata (id, sync_name, status, started_at, heartbeat_at) VALUES "
                    + "('00000000-0000-4000-8000-0000000000f1', '" + EventsSyncConfiguration.SYNC_NAME + "', 'running', "
                    + "'2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')");
        }

        SyncRun run = sync(db);

        assertThat(run.status()).isEqualTo("succeeded");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(Queries.text(s, "SELECT status FROM sync_metadata WHERE id = '00000000-0000-4000-8000-0000000000f1'"))
                    .isEqualTo("failed");
            assertThat(Queries.text(s, "SELECT error_message FROM sync_metadata WHERE id = '00000000-0000-4000-8000-0000000000f1'"))
                    .startsWith("abandoned");
        }
    }

    @Test
    void runsOnAScheduleOnlyWhenOneIsConfigured() throws Exception {
        TestDatabase db = DATABASES.fresh(Engine.SQLITE);
        Map<String, Object> scheduled = AppContexts.airtableSettings(airtable);
        scheduled.put("huddle.events-sync.schedule", "100ms");

        assertThat(context(db, AppContexts.airtableSettings(airtable)).findBean(ScheduledEventsSync.class)).isEmpty();
        context(db, scheduled);

        // A wait for the first scheduled run, not a measure of it: the deadline only stops a broken schedule hanging.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long succeeded = 0;
        while (succeeded == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                succeeded = Queries.count(s, "SELECT count(*) FROM sync_metadata WHERE status = 'succeeded'");
            }
        }
        assertThat(succeeded).as("scheduled runs that succeeded").isPositive();
    }

    private SyncRun sync(TestDatabase db) {
        return context(db, AppContexts.airtableSettings(airtable)).getBean(EventsSync.class).run();
    }

    private ApplicationContext context(TestDatabase db, Map<String, Object> settings) {
        ApplicationContext context = AppContexts.start(db, settings, recordingPause);
        contexts.add(context);
        return context;
    }

    /** Every column of every synced row, in a fixed order: equal lists mean nothing was written. */
    private static List<String> rows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("events", "attendees")) {
                try (ResultSet row = s.executeQuery("SELECT * FROM " + table + " ORDER BY airtable_id")) {
                    ResultSetMetaData meta = row.getMetaData();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder(table);
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            line.append('|').append(meta.getColumnName(i)).append('=').append(row.getString(i));
                        }
                        rows.add(line.toString());
                    }
                }
            }
        }
        return rows;
    }
}
