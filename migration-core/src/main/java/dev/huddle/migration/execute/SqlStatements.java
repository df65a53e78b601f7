package dev.huddle.migration.execute;

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
final class SqlStatements {
    /** One statement of a script and the line it starts on. */
    record Statement(int line, String sql) {
    }

    private SqlStatements() {
    }

    static List<Statement> split(Dialect dialect, String fileName, String sql) {
        Configuration configuration = new FluentConfiguration(SqlStatements.class.getClassLoader()).placeholderReplacement(false);
        String url = dialect == Dialect.POSTGRESQL ? "jdbc:postgresql://localhost/parse" : "jdbc:sqlite::memory:";
        DatabaseType type = DatabaseTypeRegister.getDatabaseTypeForUrl(url, configuration);
        Parser parser = type.createParser(configuration, null, new ParsingContext());
        List<Statement> statements = new ArrayList<>();
        try (SqlStatementIterator iterator = parser.parse(new TextResource(fileName, sql))) {
            while (iterator.hasNext()) {
                SqlStatement statement = iterator.next();
                statements.add(new Statement(statement.getLineNumber(), statement.getSql()));
            }
        }
        return statements;
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
