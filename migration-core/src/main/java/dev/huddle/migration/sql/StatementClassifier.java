package dev.huddle.migration.sql;

import dev.huddle.migration.discover.Dialect;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a scanned statement does to the transaction it runs in, per dialect: the one place that knows which
 * statements end a transaction, which cannot run inside one, and which SQLite pragmas are settings.
 */
public final class StatementClassifier {
    /** SQLite pragmas that fail, or do nothing, inside a transaction. */
    private static final Set<String> SQLITE_NON_TRANSACTIONAL_PRAGMAS = Set.of("JOURNAL_MODE", "SYNCHRONOUS", "WAL_CHECKPOINT");
    /** SQLite pragmas that are only a problem when they set something. */
    private static final Set<String> SQLITE_SETTING_ONLY_PRAGMAS = Set.of("JOURNAL_MODE", "SYNCHRONOUS");
    /** PL/pgSQL tokens after which a word starts a statement. */
    private static final Set<String> PLPGSQL_STATEMENT_STARTS = Set.of(";", "BEGIN", "THEN", "ELSE", "LOOP", "DO", "EXCEPTION", ">>");

    private StatementClassifier() {
    }

    /**
     * Whether the statement starts, ends or abandons a transaction: {@code BEGIN}, {@code START TRANSACTION},
     * {@code COMMIT}, {@code END}, {@code ROLLBACK} (PostgreSQL also {@code ABORT}, {@code PREPARE TRANSACTION},
     * {@code COMMIT|ROLLBACK PREPARED}). Savepoints ({@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}) are
     * not: they stay inside the transaction they run in.
     */
    public static boolean controlsTransaction(Dialect dialect, ScriptStatement statement) {
        String first = statement.keyword(0);
        switch (first) {
            case "BEGIN", "COMMIT", "END" -> {
                return true;
            }
            case "ROLLBACK" -> {
                return !statement.keyword(1).equals("TO") && !statement.keyword(2).equals("TO");
            }
            case "START" -> {
                return dialect == Dialect.POSTGRESQL && statement.keyword(1).equals("TRANSACTION");
            }
            case "ABORT" -> {
                return dialect == Dialect.POSTGRESQL;
            }
            case "PREPARE" -> {
                return dialect == Dialect.POSTGRESQL && statement.keyword(1).equals("TRANSACTION");
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The offset of a {@code COMMIT} or {@code ROLLBACK} that a PostgreSQL {@code DO} block's body runs, if it has one:
     * PL/pgSQL may end the transaction only when none was open around the block.
     */
    public static OptionalInt transactionEndInDoBlock(ScannedScript script, ScriptStatement statement) {
        if (script.dialect() != Dialect.POSTGRESQL || !statement.keyword(0).equals("DO")) {
            return OptionalInt.empty();
        }
        String code = script.codeOf(statement);
        String previous = "";
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < code.length() && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '_' || code.charAt(end) == '$')) {
                    end++;
                }
                String word = code.substring(i, end).toUpperCase(Locale.ROOT);
                if ((word.equals("COMMIT") || word.equals("ROLLBACK")) && PLPGSQL_STATEMENT_STARTS.contains(previous)) {
                    return OptionalInt.of(statement.start() + i);
                }
                previous = word;
                i = end;
            } else {
                previous = c == '>' && i + 1 < code.length() && code.charAt(i + 1) == '>' ? ">>" : String.valueOf(c);
                i += previous.length();
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Whether the statement cannot run inside a transaction. PostgreSQL: {@code CREATE|DROP INDEX CONCURRENTLY},
     * {@code REINDEX ... CONCURRENTLY} or of a schema, database or system, {@code VACUUM}, {@code CREATE|DROP
     * DATABASE|TABLESPACE|SUBSCRIPTION}, {@code ALTER SYSTEM}, {@code DISCARD ALL}, {@code CLUSTER} of every table.
     * SQLite: {@code VACUUM}, and the pragmas {@code journal_mode} and {@code synchronous} set to a value, and
     * {@code wal_checkpoint}. {@code PRAGMA foreign_keys} is {@link #setsForeignKeys}'s.
     */
    public static boolean cannotRunInTransaction(ScannedScript script, ScriptStatement statement) {
        String first = statement.keyword(0);
        String second = statement.keyword(1);
        if (script.dialect() == Dialect.SQLITE) {
            if (first.equals("VACUUM")) {
                return true;
            }
            Pragma pragma = Pragma.of(script, statement);
            return pragma != null && SQLITE_NON_TRANSACTIONAL_PRAGMAS.contains(pragma.name())
                    && (pragma.setsValue() || !SQLITE_SETTING_ONLY_PRAGMAS.contains(pragma.name()));
        }
        return switch (first) {
            case "VACUUM" -> true;
            case "CREATE" -> second.equals("INDEX") && statement.keyword(2).equals("CONCURRENTLY")
                    || second.equals("UNIQUE") && statement.keyword(2).equals("INDEX") && statement.keyword(3).equals("CONCURRENTLY")
                    || Set.of("DATABASE", "TABLESPACE", "SUBSCRIPTION").contains(second);
            case "DROP" -> second.equals("INDEX") && statement.keyword(2).equals("CONCURRENTLY")
                    || Set.of("DATABASE", "TABLESPACE", "SUBSCRIPTION").contains(second);
            case "REINDEX" -> statement.keywords().contains("CONCURRENTLY")
                    || statement.keywords().stream().anyMatch(word -> Set.of("SCHEMA", "DATABASE", "SYSTEM").contains(word))
                    || containsWord(script.codeOf(statement), "CONCURRENTLY");
            case "ALTER" -> second.equals("SYSTEM");
            case "DISCARD" -> second.equals("ALL");
            case "CLUSTER" -> statement.keywords().stream().allMatch(word -> word.equals("CLUSTER") || word.equals("VERBOSE"));
            default -> false;
        };
    }

    /** Whether a SQLite statement sets {@code PRAGMA foreign_keys}; reading it ({@code PRAGMA foreign_keys}) does not. */
    public static boolean setsForeignKeys(ScannedScript script, ScriptStatement statement) {
        if (script.dialect() != Dialect.SQLITE) {
            return false;
        }
        Pragma pragma = Pragma.of(script, statement);
        return pragma != null && pragma.name().equals("FOREIGN_KEYS") && pragma.setsValue();
    }

    /** Whether the statement calls a procedure, which may commit or roll back on PostgreSQL. */
    public static boolean callsProcedure(Dialect dialect, ScriptStatement statement) {
        return dialect == Dialect.POSTGRESQL && statement.keyword(0).equals("CALL");
    }

    private static boolean containsWord(String code, String upperCaseWord) {
        String upper = code.toUpperCase(Locale.ROOT);
        int at = upper.indexOf(upperCaseWord);
        while (at >= 0) {
            int end = at + upperCaseWord.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(upper.charAt(at - 1)) && upper.charAt(at - 1) != '_';
            boolean endsWord = end == upper.length() || !Character.isLetterOrDigit(upper.charAt(end)) && upper.charAt(end) != '_';
            if (startsWord && endsWord) {
                return true;
            }
            at = upper.indexOf(upperCaseWord, end);
        }
        return false;
    }

    /**
     * A SQLite {@code PRAGMA [schema.]name [= value | (value)]}: its upper-cased name and whether it sets a value.
     */
    private record Pragma(String name, boolean setsValue) {

        static Pragma of(ScannedScript script, ScriptStatement statement) {
            if (!statement.keyword(0).equals("PRAGMA")) {
                return null;
            }
            String code = script.codeOf(statement);
            int i = skipBlanks(code, "PRAGMA".length());
            int nameEnd = nameEnd(code, i);
            int after = skipBlanks(code, nameEnd);
            if (after < code.length() && code.charAt(after) == '.') {
                i = skipBlanks(code, after + 1);
                nameEnd = nameEnd(code, i);
                after = skipBlanks(code, nameEnd);
            }
            String name = code.substring(i, nameEnd).replace("\"", "").toUpperCase(Locale.ROOT);
            boolean sets = after < code.length() && (code.charAt(after) == '=' || code.charAt(after) == '(');
            return new Pragma(name, sets);
        }

        private static int skipBlanks(String code, int from) {
            int i = from;
            while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
                i++;
            }
            return i;
        }

        private static int nameEnd(String code, int from) {
            int i = from;
            while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_' || code.charAt(i) == '"')) {
                i++;
            }
            return i;
        }
    }
}
