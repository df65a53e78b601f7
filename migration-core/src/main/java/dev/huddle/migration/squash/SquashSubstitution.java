package dev.huddle.migration.squash;

import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import dev.huddle.migration.plan.ScriptText;
import dev.huddle.migration.plan.SquashedStandIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a module's squashed baseline in place of the migrations it stands for, in the list {@code up} is about to run.
 * The first squashed migration runs the baseline's SQL and the others run nothing, each under its own version, file name
 * and checksum, so their history rows read exactly as if the originals had run: {@code status}, {@code validate},
 * rollback (their down scripts) and later migrations treat the database like any other.
 *
 * <p>It applies only when all of them are pending and none is in the history (a fresh database, or one that never had
 * the module), their checksums are the ones the baseline was written from, and they would commit together: not with a
 * transaction per migration, and not across another module's migration that commits on its own (no-transaction, or an
 * enum value added). Otherwise the originals run, which is always correct, only slower.
 */
public final class SquashSubstitution {
    private SquashSubstitution() {
    }

    public static List<ResolvedScript> apply(List<ResolvedScript> pending, List<AppliedMigration> history, List<SquashedBaseline> baselines,
                                             boolean transactionPerMigration) {
        if (transactionPerMigration || pending.isEmpty()) {
            return pending;
        }
        List<ResolvedScript> result = pending;
        for (SquashedBaseline baseline : baselines) {
            result = substitute(result, history, baseline);
        }
        return result;
    }

    private static List<ResolvedScript> substitute(List<ResolvedScript> pending, List<AppliedMigration> history, SquashedBaseline baseline) {
        Map<String, Integer> squashed = baseline.squashed();
        boolean anyRecorded = history.stream().anyMatch(row -> row.module().equals(baseline.module()) && squashed.containsKey(row.version()));
        if (anyRecorded) {
            return pending;
        }
        int first = -1;
        int last = -1;
        int found = 0;
        for (int i = 0; i < pending.size(); i++) {
            ResolvedScript script = pending.get(i);
            if (script.module().equals(baseline.module()) && squashed.containsKey(script.version())) {
                if (squashed.get(script.version()) != script.checksum() || script.dialect() != baseline.dialect()) {
                    return pending;
                }
                first = first < 0 ? i : first;
                last = i;
                found++;
            }
        }
        // The squashed originals do not run, so only other modules' scripts between them can split the transaction.
        if (found != squashed.size() || pending.subList(first, last + 1).stream()
                .anyMatch(script -> !script.module().equals(baseline.module()) && commitsOnItsOwn(script))) {
            return pending;
        }
        List<ResolvedScript> result = new ArrayList<>(pending.size());
        List<String> versions = List.copyOf(squashed.keySet());
        for (int i = 0; i < pending.size(); i++) {
            ResolvedScript script = pending.get(i);
            if (!script.module().equals(baseline.module()) || !squashed.containsKey(script.version())) {
                result.add(script);
            } else {
                result.add(standIn(script, baseline, new SquashedStandIn(baseline.module(), baseline.fileName(), versions, i == first)));
            }
        }
        return result;
    }

    /** The original's identity and down script, with the baseline's text (or none) and the original's checksum. */
    private static ResolvedScript standIn(ResolvedScript original, SquashedBaseline baseline, SquashedStandIn standIn) {
        String sql = standIn.runsBaseline() ? baseline.sql() : "";
        String origin = baseline.resourcePath() + (standIn.runsBaseline() ? "" : " (in place of " + original.fileName() + ")");
        return new ResolvedScript(original.module(), original.dialect(), original.version(), original.description(), original.fileName(),
                origin, ScriptText.standingIn(sql, original.checksum(), standIn), original.downs());
    }

    /** Whether the executor would commit at this script, splitting the baseline from the rows it stands for. */
    private static boolean commitsOnItsOwn(ResolvedScript script) {
        return script.directives().hasWithReason(ScriptDirectives.NO_TRANSACTION)
                || script.sql().toLowerCase(Locale.ROOT).contains("add value");
    }
}
