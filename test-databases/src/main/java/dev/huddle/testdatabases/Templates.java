package dev.huddle.testdatabases;

import dev.huddle.migration.Migrations;
import dev.huddle.testsupport.TestDatabases;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of this JVM, one per migration plan and engine, shared by every test class that asks for the same
 * plan: the SQLite file is migrated once per JVM, and the PostgreSQL template is looked up once per JVM.
 */
final class Templates {
    private static final Map<String, PostgresTemplate> POSTGRES = new ConcurrentHashMap<>();
    private static final Map<String, SqliteTemplate> SQLITE = new ConcurrentHashMap<>();

    private Templates() {
    }

    static PostgresTemplate postgres(Migrations migrations, PlanFingerprint fingerprint) {
        return POSTGRES.computeIfAbsent(fingerprint.hash(),
                hash -> new PostgresTemplate(TestDatabases.postgres(), migrations, fingerprint));
    }

    static SqliteTemplate sqlite(Migrations migrations, PlanFingerprint fingerprint) {
        return SQLITE.computeIfAbsent(fingerprint.hash(), hash -> new SqliteTemplate(migrations, fingerprint));
    }
}
