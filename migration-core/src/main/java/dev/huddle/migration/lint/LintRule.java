package dev.huddle.migration.lint;

/** The dangerous operations Huddle flags in PostgreSQL up scripts, each with what to do instead. */
public enum LintRule {
    H000("lint-ignore marker that silences nothing", "name one of the rules H001 to H006 and give the reason after it"),
    H001("index built without CONCURRENTLY on an existing table; it blocks writes to the table while it builds",
            "use CREATE INDEX CONCURRENTLY in a script marked '-- huddle:no-transaction <reason>'"),
    H002("NOT NULL column added without a DEFAULT; it fails on a table with rows",
            "add the column nullable or with a DEFAULT, backfill it, then SET NOT NULL in a later migration"),
    H003("column type changed; it rewrites the table under an exclusive lock and breaks code reading the old type",
            "add a new column, backfill it, move the code over, then drop the old column in a later release"),
    H004("table or column dropped or renamed; code still running against it breaks",
            "stop using it in a released version first, then drop or rename it in a later migration"),
    H005("foreign key or check constraint added without NOT VALID; it scans the whole table under lock",
            "add it with NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later migration"),
    H006("locking statement without a lock_timeout; it can queue behind a long transaction and stall all traffic",
            "start the script with SET LOCAL lock_timeout = '5s' so it fails fast instead");

    private final String problem;
    private final String suggestion;

    LintRule(String problem, String suggestion) {
        this.problem = problem;
        this.suggestion = suggestion;
    }

    public String problem() {
        return problem;
    }

    public String suggestion() {
        return suggestion;
    }
}
