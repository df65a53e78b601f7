package dev.huddle.eventssync;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed run shows admins must not hold: words of a database's or driver's own error text (the tests break the
 * {@code attendees} table) and the Airtable token.
 */
public final class DatabaseTextLeaks {
    private static final List<String> WORDS = List.of("attendees", "sql", "relation", "no such", "exception", "jdbc",
            FakeAirtable.TOKEN);

    private DatabaseTextLeaks() {
    }

    public static void assertNone(String text) {
        for (String word : WORDS) {
            assertThat(text.toLowerCase(Locale.ROOT)).as(text).doesNotContain(word.toLowerCase(Locale.ROOT));
        }
    }
}
