package dev.huddle.migration.session;

import dev.huddle.migration.history.AppliedMigration;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A session being opened, with its first history read, on a thread of its own while the caller plans: at a cold start
 * connecting and planning take about as long as each other, and reading changes nothing. Closing it closes the session;
 * a background open that has not ended yet is abandoned, and closes what it opens itself, so that a command refused by
 * planning reports at once instead of waiting for a slow or unreachable server, and no connection is left behind.
 */
public final class SessionOpening implements AutoCloseable {
    private final Supplier<DatabaseSession> open;
    private final FutureTask<Opened> task;
    private final Handoff handoff;
    private DatabaseSession session;
    private List<AppliedMigration> history;

    private SessionOpening(Supplier<DatabaseSession> open, FutureTask<Opened> task, Handoff handoff) {
        this.open = open;
        this.task = task;
        this.handoff = handoff;
    }

    /** Opens on a thread of its own, now. */
    public static SessionOpening inBackground(Supplier<DatabaseSession> open) {
        Handoff handoff = new Handoff();
        FutureTask<Opened> task = new FutureTask<>(() -> {
            DatabaseSession session = open.get();
            try {
                return handoff.keep(new Opened(session, session.readHistory()));
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        });
        Thread thread = new Thread(task, "huddle-session-open");
        thread.setDaemon(true);
        thread.start();
        return new SessionOpening(open, task, handoff);
    }

    /** Opens on first use, on the caller's thread. */
    public static SessionOpening onFirstUse(Supplier<DatabaseSession> open) {
        return new SessionOpening(open, null, null);
    }

    private record Opened(DatabaseSession session, List<AppliedMigration> history) {
    }

    /** Where the background open leaves its session, unless the caller has given up on it, when it closes it instead. */
    private static final class Handoff {
        private boolean abandoned;
        private Opened opened;

        synchronized Opened keep(Opened result) {
            if (abandoned) {
                result.session().close();
                return null;
            }
            opened = result;
            return result;
        }

        /** Gives up on the open; returns the session it already made, for the caller to close, or null. */
        synchronized DatabaseSession abandon() {
            abandoned = true;
            return opened == null ? null : opened.session();
        }
    }

    public DatabaseSession session() {
        open();
        return session;
    }

    /** The history as first read, before any lock: a start with nothing to do answers from it. */
    public List<AppliedMigration> history() {
        open();
        if (history == null) {
            history = session.readHistory();
        }
        return history;
    }

    private void open() {
        if (session != null) {
            return;
        }
        if (task == null) {
            session = open.get();
            return;
        }
        try {
            Opened opened = task.get();
            session = opened.session();
            history = opened.history();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting", e);
        }
    }

    @Override
    public void close() {
        if (session == null && handoff != null) {
            session = handoff.abandon();
        }
        if (session != null) {
            session.close();
        }
    }
}
