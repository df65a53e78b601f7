package dev.huddle.migration.adopt;

import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.schema.SchemaDifference;

import java.util.List;

/**
 * What {@code baseline} or {@code import} recorded, or would record on a dry run.
 *
 * @param adopted         the migrations recorded as adopted, in plan order
 * @param alreadyRecorded the requested migrations the history already had, left as they were
 * @param notes           differences in what the adopted migrations create that do not stop adoption (a column's type,
 *                        an index): the database has the tables and columns, but not exactly as the scripts make them
 */
public record AdoptionResult(List<ResolvedScript> adopted, List<ResolvedScript> alreadyRecorded, List<SchemaDifference> notes,
                             boolean dryRun) {

    public AdoptionResult {
        adopted = List.copyOf(adopted);
        alreadyRecorded = List.copyOf(alreadyRecorded);
        notes = List.copyOf(notes);
    }
}
