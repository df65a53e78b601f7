package dev.huddle.bench;

import org.flywaydb.core.Flyway;

/**
 * Plain Flyway on the corpus's flat folder, as a project using Flyway alone would run it.
 * Arguments: JDBC URL, user (or -), location folder, and "group" to apply all pending migrations in one transaction.
 */
public final class PlainFlyway {
    private PlainFlyway() {
    }

    public static void main(String[] args) {
        String user = args[1].equals("-") ? null : args[1];
        int applied = Flyway.configure()
                .dataSource(args[0], user, null)
                .locations("filesystem:" + args[2])
                .group(args.length > 3 && args[3].equals("group"))
                .load()
                .migrate()
                .migrationsExecuted;
        System.out.println("applied " + applied);
    }
}
