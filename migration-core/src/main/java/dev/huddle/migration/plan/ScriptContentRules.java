package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.failure.MalformedScriptException;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.StatementClassifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Longer than most files on purpose: every refusal a script's text can meet is here, a few lines each, so one file
 * answers "why was my script refused?".
 *
 * <p>The rules planning applies to a script's text before it runs (and to every script for {@code validate} and the
 * build). Each problem names the module, the file, the line and the fix. Every rule reads the one scan of the script
 * ({@link ScriptText#scanned}), so SQL is understood one way everywhere.
 *
 * <p>Huddle runs a migration inside a transaction it commits together with the history row. A script must therefore
 * not start, end or abandon that transaction itself, nor hold a statement that cannot run inside one, unless it says
 * {@code -- huddle:no-transaction <reason>}: it then runs on its own, statement by statement, without one.
 *
 * <p>Empty scripts (comments only): a module of Huddle's own (on the class path) may not ship one, since there it is
 * always a mistake in a new script. A module from {@code --modules-dir} brings a history written elsewhere, where
 * no-op scripts (emptied after the fact, kept to hold a version) are common; there an empty script is applied as a
 * no-op and recorded, and {@code validate} notes it, unless it is still the template {@code create} wrote
 * ({@link ScriptTemplates}). An empty down script is refused unless its up script is empty too.
 */
public final class ScriptContentRules {
    private final InMemoryTableGuard guard;
    private final Set<String> modulesFromDirectories;

    ScriptContentRules(List<ModuleDescriptor> modules) {
        this.guard = new InMemoryTableGuard(modules.stream().flatMap(m -> m.inMemoryTables().stream()).collect(Collectors.toSet()));
        this.modulesFromDirectories = modules.stream().filter(m -> m.directory().isPresent()).map(ModuleDescriptor::name)
                .collect(Collectors.toSet());
    }

    /** Every problem of an up script. */
    List<String> problemsOf(ResolvedScript script) {
        String where = script.module() + ": " + script.origin();
        List<String> problems = new ArrayList<>();
        ScannedScript scanned;
        try {
            scanned = script.scanned();
        } catch (MalformedScriptException e) {
            problems.add(script.module() + ": " + e.getMessage());
            return problems;
        }
        if (scanned.isEmpty() && ScriptTemplates.isTemplate(scanned.sql())) {
            problems.add(where + " is empty: it is still the template 'create' wrote. Write its change.");
        } else if (scanned.isEmpty() && !modulesFromDirectories.contains(script.module())) {
            problems.add(where + " is empty. Write its change, or delete the file if it never shipped.");
        }
        boolean marked = script.directives().hasWithReason(ScriptDirectives.NO_TRANSACTION);
        textProblems(where, scanned, marked, problems);
        refuseInMemoryTables(where, scanned, problems);
        if (!marked) {
            refuseUnmarkedNonTransactional(where, scanned, problems);
        }
        return problems;
    }

    /** Every problem of a down script; {@code up} is the migration it reverts. */
    List<String> problemsOf(String module, DownScript down, ResolvedScript up) {
        String where = module + ": " + down.origin();
        List<String> problems = new ArrayList<>();
        ScannedScript scanned;
        try {
            scanned = down.text().scanned(up.dialect());
        } catch (MalformedScriptException e) {
            problems.add(module + ": " + e.getMessage());
            return problems;
        }
        // An empty down script reverts an empty up script exactly.
        if (scanned.isEmpty() && (!upIsEmpty(up) || ScriptTemplates.isTemplate(scanned.sql()))) {
            problems.add(where + " is empty, so it reverts nothing. Write the reversal, "
                    + "or delete it and mark the migration '-- huddle:" + ScriptDirectives.IRREVERSIBLE + " <reason>'.");
        }
        textProblems(where, scanned, down.text().directives().hasWithReason(ScriptDirectives.NO_TRANSACTION), problems);
        refuseInMemoryTables(where, scanned, problems);
        return problems;
    }

    /** What a note on a procedure call ends with; a list of notes gives it once ({@link #withAdviceOnce}). */
    public static final String PROCEDURE_ADVICE = "If it commits or rolls back, PostgreSQL refuses inside the transaction "
            + "Huddle runs the script in (invalid transaction termination) and the run is rolled back whole; mark the script "
            + "'-- huddle:" + ScriptDirectives.NO_TRANSACTION + " <reason>' if the procedure must commit.";

    /** The notes with {@link #PROCEDURE_ADVICE} kept on the first that ends with it and pointed to from the others. */
    public static List<String> withAdviceOnce(List<String> notes) {
        List<String> once = new ArrayList<>(notes.size());
        boolean given = false;
        for (String note : notes) {
            if (note.endsWith(PROCEDURE_ADVICE) && given) {
                once.add(note.substring(0, note.length() - PROCEDURE_ADVICE.length()) + "The same applies as above.");
            } else {
                given |= note.endsWith(PROCEDURE_ADVICE);
                once.add(note);
            }
        }
        return once;
    }

    /**
     * What {@code validate} notes about a script without refusing it: that it is empty (a no-op, applied and recorded),
     * or that it calls a procedure.
     */
    public static List<String> notesOf(ResolvedScript script) {
        ScannedScript scanned = script.scanned();
        List<String> notes = new ArrayList<>();
        if (scanned.isEmpty()) {
            notes.add(script.historyPath() + " is empty: it is applied as a no-op and recorded.");
        }
        if (!script.directives().hasWithReason(ScriptDirectives.NO_TRANSACTION)) {
            first(scanned, statement -> StatementClassifier.callsProcedure(scanned.dialect(), statement)).ifPresent(call ->
                    notes.add(script.historyPath() + " line " + call.line() + " calls a procedure (" + firstLine(call.sql()) + "). "
                            + PROCEDURE_ADVICE));
        }
        return notes;
    }

    private static boolean upIsEmpty(ResolvedScript up) {
        try {
            return up.scanned().isEmpty();
        } catch (MalformedScriptException e) {
            return false;
        }
    }

    /** The rules every script's text must pass, up or down. */
    private static void textProblems(String where, ScannedScript scanned, boolean markedNoTransaction, List<String> problems) {
        refuseStrayCharacters(where, scanned, problems);
        scanned.unterminated().ifPresent(open -> problems.add(where + " line " + open.line() + " opens a " + open.construct()
                + " that never closes, so everything after it would be read as part of it. Close it."));
        refuseClientCommands(where, scanned, problems);
        if (scanned.dialect() == Dialect.SQLITE) {
            refuseForeignKeysPragma(where, scanned, problems);
        }
        if (!markedNoTransaction) {
            refuseTransactionControl(where, scanned, problems);
        }
    }

    /**
     * A NUL byte (no server takes one in SQL text; the file is likely UTF-16 or binary) and a byte-order mark after the
     * start (two files joined; a leading one is dropped before the script runs).
     */
    private static void refuseStrayCharacters(String where, ScannedScript scanned, List<String> problems) {
        // Found by the file's decode as it went; the text is searched only when it came as text.
        int nul = scanned.strayCharacters().firstNul();
        if (nul >= 0) {
            problems.add(where + " line " + scanned.lineOf(nul) + " holds a NUL byte, which no database accepts in SQL: the file is "
                    + "binary or not UTF-8 (UTF-16?). Save it as UTF-8 text.");
        }
        int mark = scanned.strayCharacters().firstByteOrderMark();
        if (mark >= 0) {
            problems.add(where + " line " + scanned.lineOf(mark) + " holds a byte-order mark (U+FEFF) after the start of the "
                    + "script, usually left where two files were joined. Delete it.");
        }
    }

    /** Lines psql or sqlite3 would have run themselves; Huddle sends SQL to the server directly. */
    private static void refuseClientCommands(String where, ScannedScript scanned, List<String> problems) {
        List<ScannedScript.ClientCommand> commands = scanned.clientCommands();
        if (commands.isEmpty()) {
            return;
        }
        ScannedScript.ClientCommand command = commands.get(0);
        String client = scanned.dialect() == Dialect.POSTGRESQL ? "psql meta-command" : "sqlite3 dot-command";
        problems.add(where + " line " + command.line() + " is a " + client + " (" + shorten(command.text()) + "), but Huddle sends SQL "
                + "to the server directly" + more(commands.size(), "such lines") + ". Remove it, or write what it did in SQL.");
    }

    private static void refuseForeignKeysPragma(String where, ScannedScript scanned, List<String> problems) {
        List<ScriptStatement> pragmas = scanned.statements().stream()
                .filter(statement -> StatementClassifier.setsForeignKeys(scanned, statement)).toList();
        if (!pragmas.isEmpty()) {
            ScriptStatement pragma = pragmas.get(0);
            problems.add(where + " line " + pragma.line() + " sets " + firstLine(pragma.sql()) + more(pragmas.size(), "such statements")
                    + ", which SQLite ignores inside the migration's transaction: the line would silently do nothing. Huddle "
                    + "itself turns enforcement off around a run that drops tables (SQLite's table rebuild) and runs PRAGMA "
                    + "foreign_key_check before it commits. Remove the line.");
        }
    }

    /**
     * A script that begins, commits or rolls back on its own would commit half a run, or the history row without its
     * migration. Savepoints are fine: they stay inside the transaction.
     */
    private static void refuseTransactionControl(String where, ScannedScript scanned, List<String> problems) {
        List<ScriptStatement> controls = scanned.statements().stream()
                .filter(statement -> StatementClassifier.controlsTransaction(scanned.dialect(), statement)).toList();
        if (!controls.isEmpty()) {
            ScriptStatement control = controls.get(0);
            problems.add(where + " line " + control.line() + " controls the transaction itself (" + firstLine(control.sql()) + ")"
                    + more(controls.size(), "such statements") + ", but Huddle runs every migration inside a transaction it "
                    + "commits together with the history row. Remove it (SAVEPOINT and ROLLBACK TO SAVEPOINT are fine), or mark "
                    + "the script '-- huddle:" + ScriptDirectives.NO_TRANSACTION + " <reason>' to run it statement by statement "
                    + "without one.");
        }
        for (ScriptStatement statement : scanned.statements()) {
            OptionalInt end = StatementClassifier.transactionEndInDoBlock(scanned, statement);
            if (end.isPresent()) {
                problems.add(where + " line " + scanned.lineOf(end.getAsInt()) + " commits or rolls back inside a DO block, which "
                        + "PostgreSQL refuses inside the transaction Huddle runs the script in. Remove it, or mark the script "
                        + "'-- huddle:" + ScriptDirectives.NO_TRANSACTION + " <reason>' to run it without one.");
                return;
            }
        }
    }

    /**
     * A statement that cannot run in a transaction makes its whole script run without one, so a failure midway leaves
     * part of it applied. That must be a decision written in the script, not a surprise.
     */
    private static void refuseUnmarkedNonTransactional(String where, ScannedScript scanned, List<String> problems) {
        first(scanned, statement -> StatementClassifier.cannotRunInTransaction(scanned, statement)).ifPresent(statement ->
                problems.add(where + " line " + statement.line() + " cannot run inside a transaction (" + firstLine(statement.sql())
                        + "). Mark the script with '-- huddle:" + ScriptDirectives.NO_TRANSACTION + " <reason>': it then runs "
                        + "without one, and a failure midway leaves the statements before it applied."));
    }

    private void refuseInMemoryTables(String where, ScannedScript scanned, List<String> problems) {
        for (String violation : guard.violations(scanned)) {
            problems.add(where + " runs " + violation
                    + ", but that table lives in memory only. Change its in-memory model instead, or exclude the script with a reason.");
        }
    }

    private static Optional<ScriptStatement> first(ScannedScript scanned, Predicate<ScriptStatement> test) {
        for (ScriptStatement statement : scanned.statements()) {
            if (test.test(statement)) {
                return Optional.of(statement);
            }
        }
        return Optional.empty();
    }

    private static String more(int count, String what) {
        return count > 1 ? " (and " + (count - 1) + " more " + what + ")" : "";
    }

    private static String firstLine(String sql) {
        return shorten(sql.split("\n", 2)[0]);
    }

    private static String shorten(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
