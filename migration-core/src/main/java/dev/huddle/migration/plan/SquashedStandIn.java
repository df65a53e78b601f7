package dev.huddle.migration.plan;

import java.util.List;

/**
 * What a migration is in a run where a squashed baseline took the place of it and its neighbours: the baseline's file,
 * every version that baseline stands for, and whether this migration is the one that runs the baseline's SQL (the first)
 * or one recorded with nothing to run. Progress lines and log lines use it to say so.
 *
 * @param module   the module whose baseline it is
 * @param baseline the baseline's file name ({@code B20250103000000__squashed_baseline.sql})
 * @param versions the versions it stands for, in order
 */
public record SquashedStandIn(String module, String baseline, List<String> versions, boolean runsBaseline) {

    public SquashedStandIn {
        versions = List.copyOf(versions);
    }

    /** One line for people: which baseline ran in place of which migrations. */
    public String describe() {
        return "squashed baseline " + module + "/" + baseline + " in place of " + versions.size() + " migrations: " + String.join(", ", versions);
    }
}
