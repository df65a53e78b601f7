package dev.huddle.eventssync.sync;

import dev.huddle.eventssync.airtable.AirtableClient;
import dev.huddle.eventssync.airtable.AirtableConfiguration;
import dev.huddle.eventssync.airtable.AirtableRecord;
import dev.huddle.eventssync.store.EventsDialect;
import dev.huddle.web.ErrorIds;
import dev.huddle.web.MaskedFailure;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * One run of the Airtable events sync: take the lease (a 'running' row in sync_metadata), read the events and
 * attendees tables whole, map them, and write the difference and the run's result in one transaction. Any failure
 * before that commit leaves the tables as they were and the run recorded as failed with its reason in Huddle's words
 * and an error id; the detail (a driver's text, say) goes only to the log line that names the same id.
 */
@Singleton
public class EventsSync {
    private static final Logger LOG = LoggerFactory.getLogger(EventsSync.class);

    private final DataSource dataSource;
    private final AirtableClient airtable;
    private final AirtableConfiguration airtableConfiguration;
    private final EventsSyncConfiguration configuration;
    private final SyncRunLedger ledger;
    private final Clock clock = Clock.systemUTC();

    public EventsSync(DataSource dataSource, AirtableClient airtable, AirtableConfiguration airtableConfiguration,
                      EventsSyncConfiguration configuration, SyncRunLedger ledger) {
        this.dataSource = dataSource;
        this.airtable = airtable;
        this.airtableConfiguration = airtableConfiguration;
        this.configuration = configuration;
        this.ledger = ledger;
    }

    /**
     * Runs the sync now and returns its recorded run, succeeded or failed.
     *
     * @throws SyncAlreadyRunningException when another run of the sync holds the lease
     */
    public SyncRun run() {
        UUID run = ledger.start(EventsSyncConfiguration.SYNC_NAME, clock.instant(), configuration.getLeaseTimeout());
        try {
            Runnable renewLease = () -> ledger.heartbeat(run, clock.instant());
            List<AirtableRecord> events = airtable.listAll(airtableConfiguration.getEventsTable(), renewLease);
            List<AirtableRecord> attendees = airtable.listAll(airtableConfiguration.getAttendeesTable(), renewLease);
            MappedListings listings = RecordMapping.map(airtableConfiguration.getEventsTable(), events,
                    airtableConfiguration.getAttendeesTable(), attendees);
            write(run, listings);
        } catch (SyncLeaseLostException e) {
            LOG.warn(e.getMessage());
            return ledger.get(run);
        } catch (RuntimeException | SQLException e) {
            List<String> secrets = secrets();
            SyncFailure failure = SyncFailure.of(e, ErrorIds.next(), secrets);
            LOG.warn("Events sync run {} failed with error id {}: {}", run, failure.errorId(), failure.text(),
                    MaskedFailure.of(e, secrets));
            ledger.fail(run, clock.instant(), failure.text());
        }
        SyncRun result = ledger.get(run);
        LOG.info("Events sync run {} {}: {} records read, {} created, {} updated, {} removed upstream, {} skipped", run,
                result.status(), result.recordsRead(), result.created(), result.updated(), result.removed(), result.skipped());
        return result;
    }

    /** The configured values that no stored or logged text may show. */
    private List<String> secrets() {
        String token = airtableConfiguration.getToken();
        return token == null || token.isBlank() ? List.of() : List.of(token.strip());
    }

    private void write(UUID run, MappedListings listings) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                EventsDialect dialect = EventsDialect.of(connection);
                // First, so a run whose lease was taken over writes nothing, and (PostgreSQL) its row stays locked to the end.
                ledger.holdLease(connection, dialect, run, clock.instant());
                SyncCounts counts = new SyncWriter(connection, dialect, clock.instant()).write(listings);
                ledger.succeed(connection, dialect, run, clock.instant(), listings.read(), counts, listings.skipped());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
