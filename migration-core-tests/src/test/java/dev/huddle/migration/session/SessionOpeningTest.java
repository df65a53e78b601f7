package dev.huddle.migration.session;

import dev.huddle.migration.discover.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SessionOpeningTest {
    @TempDir
    Path folder;

    /** A connector that waits for the test's go-ahead, as a slow server would, and remembers what it opened. */
    private final CountDownLatch serverAnswers = new CountDownLatch(1);
    private final AtomicReference<Connection> opened = new AtomicReference<>();

    private DatabaseSession openSlowly() {
        return DatabaseSession.open(() -> {
            try {
                serverAnswers.await();
                Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("huddle.db"));
                opened.set(connection);
                return connection;
            } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
            }
        }, Dialect.SQLITE, null, "a slow database", List.of());
    }

    @Test
    void aCommandThatGivesUpDoesNotWaitForTheServerAndLeavesNoConnectionBehind() throws Exception {
        SessionOpening opening = SessionOpening.inBackground(this::openSlowly);

        // Planning refused: the command closes the opening while the server has not answered yet. Bounded only so that
        // a close that waits fails the test instead of hanging it.
        assertTimeoutPreemptively(Duration.ofSeconds(30), opening::close);

        serverAnswers.countDown();
        Connection connection = awaitOpened();
        for (int i = 0; i < 300 && !connection.isClosed(); i++) {
            Thread.sleep(10);
        }
        assertThat(connection.isClosed()).as("the abandoned open closes what it opened").isTrue();
    }

    @Test
    void aCommandThatUsesTheSessionGetsTheOneOpenedInTheBackground() throws Exception {
        serverAnswers.countDown();
        try (SessionOpening opening = SessionOpening.inBackground(this::openSlowly)) {
            assertThat(opening.history()).isEmpty();
            assertThat(opening.session().dialect()).isEqualTo(Dialect.SQLITE);
        }
        assertThat(awaitOpened().isClosed()).isTrue();
    }

    private Connection awaitOpened() throws InterruptedException {
        for (int i = 0; i < 300 && opened.get() == null; i++) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(opened.get()).as("the background open connected").isNotNull();
        return opened.get();
    }
}
