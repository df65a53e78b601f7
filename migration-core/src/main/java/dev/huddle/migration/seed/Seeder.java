package dev.huddle.migration.seed;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.failure.SeedRefusedException;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.SqlScanner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a migrated database with the modules' sample data, all of it in one transaction: either every seed script
 * ran or the database is as it was. It refuses a database whose seeded tables hold rows, unless asked to clear them
 * first (children before parents, in the same transaction).
 */
public final class Seeder {
    private final Connection connection;
    private final Dialect dialect;

    public Seeder(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** What a seed did: the tables it cleared, and each seeded table's row count afterwards. */
    public record SeedResult(List<String> cleared, Map<String, Long> rows) {
    }

    public SeedResult seed(List<SeedScript> scripts, boolean clearFirst) throws SQLException {
        List<String> tables = scripts.stream().flatMap(script -> script.tables().stream()).toList();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            Map<String, Long> held = rows(statement, tables);
            held.values().removeIf(count -> count == 0);
            List<String> cleared = new ArrayList<>();
            if (!held.isEmpty()) {
                if (!clearFirst) {
                    throw new SeedRefusedException("The database already holds data in " + describe(held) + ".",
                            "Seed an empty database, or pass --force to delete the rows of every seeded table first.");
                }
                List<String> childrenFirst = new ArrayList<>(tables);
                Collections.reverse(childrenFirst);
                for (String table : childrenFirst) {
                    statement.executeUpdate("DELETE FROM " + table);
                    cleared.add(table);
                }
            }
            for (SeedScript script : scripts) {
                run(statement, script);
            }
            SeedResult result = new SeedResult(cleared, rows(statement, tables));
            connection.commit();
            return result;
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void run(Statement statement, SeedScript script) {
        ScannedScript scanned = SqlScanner.scan(dialect, script.sql());
        for (ScriptStatement each : scanned.statements()) {
            try {
                statement.execute(each.sql());
            } catch (SQLException e) {
                throw new MigrationFailedException(script.path(), "Seed script " + script.path() + " failed at line "
                        + each.line() + ": " + e.getMessage() + ". Nothing was seeded; fix the script or migrate the "
                        + "database up first.", e);
            }
        }
    }

    private static Map<String, Long> rows(Statement statement, List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                result.next();
                counts.put(table, result.getLong(1));
            } catch (SQLException e) {
                throw new SeedRefusedException("Cannot count the rows of " + table + ", a table the seed fills: "
                        + e.getMessage() + ".", "Migrate the database up first ('huddle-migrate up'), then seed it.");
            }
        }
        return counts;
    }

    private static String describe(Map<String, Long> held) {
        List<String> parts = new ArrayList<>();
        held.forEach((table, count) -> parts.add(table + " (" + count + (count == 1 ? " row)" : " rows)")));
        return String.join(", ", parts);
    }
}
