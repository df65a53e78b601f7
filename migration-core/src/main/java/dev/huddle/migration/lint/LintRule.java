package dev.huddle.migration.lint;

import dev.huddle.migration.discover.Dialect;

/**
 * The dangerous operations Huddle flags in up scripts, each with what to do instead. Most are about PostgreSQL's locks
 * and apply to it alone; dropping or renaming breaks running code on either engine. SQLite has no CONCURRENTLY, no
 * NOT VALID, no lock_timeout and no ALTER COLUMN, and refuses a NOT NULL column without a default on every table, so
 * H001, H002, H003, H005 and H006 would only flag what it cannot do otherwise or fails at once anyway.
 */
public enum LintRule {
    H000("lint-ignore marker that silences nothing", "name one of the rules H001 to H006 and give the reason after it", true),
    H001("index built without CONCURRENTLY on an existing table; it blocks writes to the table while it builds",
            "use CREATE INDEX CONCURRENTLY in a script marked '-- huddle:no-transaction <reason>'"),
    H002("NOT NULL column added without a DEFAULT; it fails on a table with rows",
            "add the column nullable or with a DEFAULT, backfill it, then SET NOT NULL in a later migration"),
    H003("column type changed; it rewrites the table under an exclusive lock and breaks code reading the old type",
            "add a new column, backfill it, move the code over, then drop the old column in a later release"),
    H004("table or column dropped or renamed; code still running against it breaks",
            "stop using it in a released version first, then drop or rename it in a later migration", true),
    H005("foreign key or check constraint added without NOT VALID; it scans the whole table under lock",
            "add it with NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later migration"),
    H006("locking statement without a lock_timeout; it can queue behind a long transaction and stall all traffic",
            "start the script with SET LOCAL lock_timeout = '5s' so it fails fast instead");

    private final String problem;
    private final String suggestion;
    private final boolean sqlite;

    LintRule(String problem, String suggestion) {
        this(problem, suggestion, false);
    }

    LintRule(String problem, String suggestion, boolean sqlite) {
        this.problem = problem;
        this.suggestion = suggestion;
        this.sqlite = sqlite;
    }

    /** Whether the rule checks scripts of the dialect: every rule checks PostgreSQL, H000 and H004 SQLite too. */
    public boolean appliesTo(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL || sqlite;
    }

    public String problem() {
        return problem;
    }

    public String suggestion() {
        return suggestion;
    }
}
