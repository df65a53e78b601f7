package dev.huddle.migration.session;

import dev.huddle.migration.history.AppliedMigration;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A session being opened, with its first history read, on a thread of its own while the caller plans: at a cold start
 * connecting and planning take about as long as each other, and reading changes nothing. Closing it closes the session,
 * waiting for a background open to end first so that no connection is left behind.
 */
public final class SessionOpening implements AutoCloseable {
    private final Supplier<DatabaseSession> open;
    private final FutureTask<Opened> task;
    private DatabaseSession session;
    private List<AppliedMigration> history;

    private SessionOpening(Supplier<DatabaseSession> open, FutureTask<Opened> task) {
        this.open = open;
        this.task = task;
    }

    /** Opens on a thread of its own, now. */
    public static SessionOpening inBackground(Supplier<DatabaseSession> open) {
        FutureTask<Opened> task = new FutureTask<>(() -> {
            DatabaseSession session = open.get();
            try {
                return new Opened(session, session.readHistory());
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        });
        Thread thread = new Thread(task, "huddle-session-open");
        thread.setDaemon(true);
        thread.start();
        return new SessionOpening(open, task);
    }

    /** Opens on first use, on the caller's thread. */
    public static SessionOpening onFirstUse(Supplier<DatabaseSession> open) {
        return new SessionOpening(open, null);
    }

    private record Opened(DatabaseSession session, List<AppliedMigration> history) {
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
        if (session == null && task != null) {
            try {
                session = task.get().session();
            } catch (ExecutionException | InterruptedException | RuntimeException e) {
                // Nothing was opened, or the command is already failing for a reason of its own.
                return;
            }
        }
        if (session != null) {
            session.close();
        }
    }
}
