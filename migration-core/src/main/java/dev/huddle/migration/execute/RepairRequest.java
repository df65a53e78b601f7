package dev.huddle.migration.execute;

import java.util.List;

/**
 * What a person decided to repair: applied migrations whose edited script is accepted as it is now, and failed
 * migrations whose partial changes were cleaned up by hand.
 */
public record RepairRequest(List<String> acceptChecksums, List<String> removeFailed) {

    public RepairRequest {
        acceptChecksums = List.copyOf(acceptChecksums);
        removeFailed = List.copyOf(removeFailed);
    }

    public boolean isEmpty() {
        return acceptChecksums.isEmpty() && removeFailed.isEmpty();
    }
}
