package dev.huddle.migration.drift;

import dev.huddle.migration.schema.SchemaModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema the migrations build, with the module that owns each element: the module whose migration first created
 * it. A column one module adds to another's table belongs to the module that added it.
 *
 * @param owners    element key ({@link SchemaModel#entries()}) to module name
 * @param createdBy element key to the version of the migration that created it
 */
public record ExpectedSchema(SchemaModel model, Map<String, String> owners, Map<String, String> createdBy) {

    public ExpectedSchema {
        owners = Map.copyOf(owners);
        createdBy = Map.copyOf(createdBy);
    }

    /**
     * The module's elements as text, one per line in the model's reading order; an element of another module's table
     * follows that table's name and owner, so the line reads in context.
     */
    public List<String> describe(String module) {
        List<String> lines = new ArrayList<>();
        String header = null;
        String headerKey = null;
        boolean headerShown = false;
        for (Map.Entry<String, String> entry : model.entries().entrySet()) {
            boolean nested = entry.getValue().startsWith("  ");
            if (!nested) {
                header = entry.getValue();
                headerKey = entry.getKey();
                headerShown = false;
            }
            if (!module.equals(owners.get(entry.getKey()))) {
                continue;
            }
            if (nested && !headerShown) {
                lines.add(header + " (of module " + owners.get(headerKey) + ")");
            }
            lines.add(entry.getValue());
            headerShown = true;
        }
        return lines;
    }
}
