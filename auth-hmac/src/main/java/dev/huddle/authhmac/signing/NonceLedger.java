package dev.huddle.authhmac.signing;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Uses up nonces in {@code nonce_cache}, the one write every signed request makes, by group commit: requests that
 * arrive while a batch is being written queue their claims, and when that batch is done the oldest waiting request
 * writes everything queued meanwhile in one statement ({@link NonceBatchStatement}), so concurrent requests share a
 * round trip and a commit (on SQLite, on one connection kept for them: {@link LedgerConnection}). There is no
 * linger delay: a request that finds no batch in flight writes its own at once. Every request still waits for its own
 * row's verdict from the database, so a replay is refused exactly, on this instance or any other sharing the database,
 * and a session deleted, expired or changed elsewhere is noticed at its next request. A batch that fails fails every
 * request in it (a 500), and the next waiting request writes the rest.
 */
@Singleton
public class NonceLedger {
    private static final Logger LOG = LoggerFactory.getLogger(NonceLedger.class);

    private final NonceBatchStatement statement;
    /** Used only by the request writing a batch, so guarded by {@code writing}'s hand-over, not by a lock of its own. */
    private final LedgerConnection connection;
    private final ArrayDeque<NonceClaim> queued = new ArrayDeque<>();
    /** Whether some request is writing a batch; only then do others queue instead of writing. Guarded by {@code queued}. */
    private boolean writing;
    /** Whether the context is closing: the last writer then gives the connection back. Guarded by {@code queued}. */
    private boolean closing;
    /** Batches and claims written since start, for the shutdown line that says how much the batching shared. */
    private long batches;
    private long claims;

    public NonceLedger(DataSource dataSource, DatabaseTarget target) {
        // The pool itself: the contextual wrapper would look for a transaction, and this write is its own.
        this.connection = new LedgerConnection(DelegatingDataSource.unwrapDataSource(dataSource),
                target.dialect() == Dialect.SQLITE);
        this.statement = new NonceBatchStatement(target.dialect());
    }

    /**
     * Records the nonce if it is new for the session and the session's row still exists, has not expired at
     * {@code now} and has the given admin flag: true when recorded; false for a replay, or a session deleted, expired
     * or changed since its credentials were cached.
     */
    public boolean recordForLiveSession(UUID sessionId, boolean admin, String nonce, Instant now, Instant expiresAt) {
        NonceClaim claim = new NonceClaim(sessionId, admin, nonce, now, expiresAt);
        boolean writeNow;
        synchronized (queued) {
            queued.add(claim);
            writeNow = !writing;
            writing = true;
        }
        if (writeNow || claim.awaitPromotionOrVerdict()) {
            writeBatch();
        }
        return claim.recorded();
    }

    /** How many requests wait for their nonce's batch now: for tests and monitoring. */
    public int waitingClaims() {
        synchronized (queued) {
            return queued.size();
        }
    }

    /** Whether a batch is being written now: for tests and monitoring. */
    public boolean writingBatch() {
        synchronized (queued) {
            return writing;
        }
    }

    @PreDestroy
    void close() {
        synchronized (queued) {
            closing = true;
            if (!writing) {
                connection.close();
            }
            if (batches > 0) {
                LOG.info("Nonce ledger: {} nonces in {} batches, {} per batch on average", claims, batches,
                        String.format(Locale.ROOT, "%.2f", (double) claims / batches));
            }
        }
    }

    /**
     * Writes the queued claims (the caller's own is the oldest, so it is in the batch), decides each, and hands the
     * writing to the oldest claim still queued, if any.
     */
    private void writeBatch() {
        List<NonceClaim> batch = takeBatch();
        try {
            boolean[] written = statement.record(connection, batch);
            connection.written();
            for (int i = 0; i < written.length; i++) {
                batch.get(i).decide(written[i]);
            }
        } catch (Throwable e) {
            // Every claim of the batch must be decided whatever went wrong, or its request would wait for ever.
            connection.close();
            RuntimeException failure = new IllegalStateException("Could not record a request's nonce in nonce_cache: "
                    + e.getMessage(), e);
            batch.forEach(claim -> claim.fail(failure));
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            synchronized (queued) {
                batches++;
                claims += batch.size();
                NonceClaim next = queued.peek();
                if (next == null) {
                    writing = false;
                    if (closing) {
                        connection.close();
                    }
                } else {
                    next.promote();
                }
            }
        }
    }

    /**
     * Takes up to {@link NonceBatchStatement#MOST_CLAIMS} claims, oldest first, for distinct rows: a second claim of
     * the same nonce stays queued for the next batch, where the first one's row refuses it.
     */
    private List<NonceClaim> takeBatch() {
        synchronized (queued) {
            List<NonceClaim> batch = new ArrayList<>(Math.min(queued.size(), NonceBatchStatement.MOST_CLAIMS));
            Iterator<NonceClaim> waiting = queued.iterator();
            while (waiting.hasNext() && batch.size() < NonceBatchStatement.MOST_CLAIMS) {
                NonceClaim claim = waiting.next();
                if (!holdsRowOf(batch, claim)) {
                    batch.add(claim);
                    waiting.remove();
                }
            }
            return batch;
        }
    }

    private static boolean holdsRowOf(List<NonceClaim> batch, NonceClaim claim) {
        for (NonceClaim taken : batch) {
            if (taken.sameRowAs(claim.sessionId, claim.nonce)) {
                return true;
            }
        }
        return false;
    }
}
