package dev.huddle.migration.sql;

import dev.huddle.migration.discover.Dialect;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements with Flyway's parser for its dialect, the same one that applies up scripts, so
 * dollar quoting, trigger bodies and line numbers are understood one way for both directions.
 */
public final class SqlStatements {
    /** One statement of a script, the line it starts on, and whether it may run inside a transaction. */
    public record Statement(int line, String sql, boolean transactional) {
    }

    private SqlStatements() {
    }

    public static List<Statement> split(Dialect dialect, String fileName, String sql) {
        Configuration configuration = new FluentConfiguration(SqlStatements.class.getClassLoader()).placeholderReplacement(false);
        DatabaseType type = databaseType(dialect, configuration);
        Parser parser = type.createParser(configuration, null, new ParsingContext());
        List<Statement> statements = new ArrayList<>();
        try (SqlStatementIterator iterator = parser.parse(new TextResource(fileName, sql))) {
            while (iterator.hasNext()) {
                SqlStatement statement = iterator.next();
                statements.add(new Statement(statement.getLineNumber(), statement.getSql(), statement.canExecuteInTransaction()));
            }
        }
        return statements;
    }

    /**
     * The dialect's database type, chosen by name: several types accept a {@code jdbc:postgresql:} URL, and the
     * first of them (CockroachDB) parses every statement as non-transactional.
     */
    private static DatabaseType databaseType(Dialect dialect, Configuration configuration) {
        String name = dialect == Dialect.POSTGRESQL ? "PostgreSQL" : "SQLite";
        return DatabaseTypeRegister.getDatabaseTypes().stream()
                .filter(type -> type.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Flyway has no " + name + " support on the class path"));
    }

    /** Script text handed to the parser under its file name. */
    private static final class TextResource extends LoadableResource {
        private final String fileName;
        private final String sql;

        TextResource(String fileName, String sql) {
            this.fileName = fileName;
            this.sql = sql;
        }

        @Override
        public Reader read() {
            return new StringReader(sql);
        }

        @Override
        public String getAbsolutePath() {
            return fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return fileName;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}
