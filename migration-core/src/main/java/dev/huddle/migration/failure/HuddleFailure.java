package dev.huddle.migration.failure;

/**
 * A failure Huddle expected and can explain: its message names the problem and, where one exists, the fix, and its
 * {@link #kind()} gives the exit code. Anything thrown that is not a {@code HuddleFailure} is a bug in Huddle and is
 * reported as an internal error.
 *
 * <p>Sealed so that the kinds stay a closed list a reader can check against the README's exit-code table.
 */
public abstract sealed class HuddleFailure extends RuntimeException
        permits AdoptionRefusedException, DatabaseUnreachableException, FileUnusableException, InconsistentHistoryException, InvalidDatabaseUrlException,
        MalformedIntegrityFileException, MalformedModuleException, MalformedScriptException, MigrationFailedException,
        MigrationLockTimeoutException, MigrationPlanRefusedException, NewerHistoryFormatException, PendingMigrationsException,
        RepairRefusedException, RollbackRefusedException, SeedRefusedException, ShippedScriptChangedException, SquashRefusedException, UnknownModuleException,
        UnknownVersionException, UnsupportedDatabaseException, UsageException {

    private final String problem;
    private final String fix;

    /**
     * @param problem what went wrong, as a sentence or a list
     * @param fix     what to do about it, or empty when the problem's own text already says (a list of problems,
     *                each with its fix, or a message that came whole from its caller). It follows a one-line problem
     *                on the same line, a list on a line of its own.
     */
    protected HuddleFailure(String problem, String fix, Throwable cause) {
        super(fix.isEmpty() ? problem : problem + (problem.contains("\n") ? "\n" : " ") + fix, cause);
        this.problem = problem;
        this.fix = fix;
    }

    /** Which exit code the runner ends with, and how the app reports it at boot. */
    public abstract FailureKind kind();

    /** What went wrong. */
    public String problem() {
        return problem;
    }

    /** What to do about it; empty when {@link #problem()} already says. */
    public String fix() {
        return fix;
    }
}
