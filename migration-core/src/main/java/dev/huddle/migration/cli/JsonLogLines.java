package dev.huddle.migration.cli;

import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.log.MigrationLogLine;
import dev.huddle.migration.plan.SquashedStandIn;
import dev.huddle.migration.squash.StandInsSeen;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The runner's structured log: with {@code HUDDLE_LOG_FORMAT=json}, one JSON object per migration applied, reverted or
 * failed, on standard error beside any other log output, so standard output stays the text people read. Silent otherwise.
 */
final class JsonLogLines {
    private final PrintWriter err;
    private final boolean on;

    JsonLogLines(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    void applied(List<MigrationStep> steps) {
        applied(steps, null);
    }

    /**
     * @param standIns the squashed baselines' stand-ins of the run, whose lines name the baseline that applied them; null
     *                 when no baseline ran
     */
    void applied(List<MigrationStep> steps, StandInsSeen standIns) {
        for (MigrationStep step : steps) {
            Optional<SquashedStandIn> standIn = standIns == null ? Optional.empty() : standIns.of(step);
            if (on && standIn.isPresent() && standIn.get().runsBaseline()) {
                print(MigrationLogLine.toJson(MigrationLogLine.baselineFields(standIn.get())));
            }
            write(MigrationLogLine.applied(step, standIn));
        }
    }

    void reverted(List<MigrationStep> steps) {
        steps.forEach(step -> write(MigrationLogLine.reverted(step)));
    }

    /** Runs the work, and when a script fails, logs which before the failure goes on to be reported. */
    <T> T loggingFailure(String direction, Supplier<T> work) {
        try {
            return work.get();
        } catch (MigrationFailedException e) {
            write(MigrationLogLine.failed(e, direction));
            throw e;
        }
    }

    /** The line as JSON when JSON logging is on; with text logging none is ever made, nor Jackson loaded. */
    private void write(MigrationLogLine line) {
        if (on) {
            print(line.toJson());
        }
    }

    private void print(String json) {
        err.println(json);
        err.flush();
    }
}
