package dev.huddle.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Drops the databases a test got from {@link TestDatabases#fresh} as soon as the test passes, and keeps those of a
 * failed test for a look, naming them. Without it they lived until the JVM exited: a module's run held hundreds of
 * them on its server at once. JUnit registers it in every test JVM that has test-support on its class path (it is
 * listed in {@code META-INF/services}; the build turns on {@code junit.jupiter.extensions.autodetection.enabled}).
 *
 * <p>Only databases asked for on the test's own thread between its {@code beforeEach} and {@code afterEach} belong to
 * it (a {@code @BeforeEach} method's included); those made in {@code @BeforeAll} or on other threads stay until exit.
 */
public final class PassedTestCleanup implements BeforeEachCallback, AfterEachCallback {
    /** A stack, not one list: a thread that waits for a task may run another test's callbacks inside this one's. */
    private static final ThreadLocal<Deque<List<TestDatabase>>> CURRENT = ThreadLocal.withInitial(ArrayDeque::new);

    /** Called by {@link TestDatabases#fresh}: the database belongs to the test running on this thread, if any. */
    static void belongsToCurrentTest(TestDatabase database) {
        List<TestDatabase> owned = CURRENT.get().peek();
        if (owned != null) {
            owned.add(database);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CURRENT.get().push(new ArrayList<>());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Deque<List<TestDatabase>> stack = CURRENT.get();
        List<TestDatabase> owned = stack.poll();
        if (stack.isEmpty()) {
            CURRENT.remove();
        }
        if (owned == null || owned.isEmpty()) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            String test = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
            for (TestDatabase database : owned) {
                System.err.println("[huddle tests] " + test + " failed; its " + database + " database is kept for a look until"
                        + " the test JVM exits: " + database.jdbcUrl());
            }
            return;
        }
        for (TestDatabase database : owned) {
            TestDatabases.dropLater(database);
        }
    }
}
