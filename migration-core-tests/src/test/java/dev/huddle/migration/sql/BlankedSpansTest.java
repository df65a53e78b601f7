package dev.huddle.migration.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlankedSpansTest {
    private static final String TEXT = "select 'a'; -- note\nselect 'b\nc';";

    @Test
    void blanksEverySpanKeepingLineEndings() {
        assertThat(spans(7, 10, 12, 19, 27, 32).view(TEXT, 0, TEXT.length())).isEqualTo("select    ;        \nselect   \n  ;");
    }

    @Test
    void viewsAPartOfTheTextWithTheSpansThatCrossItsEdges() {
        assertThat(spans(7, 10, 27, 32).view(TEXT, 8, 30)).isEqualTo("  ; -- note\nselect   \n");
    }

    @Test
    void mergesSpansAddedOutOfOrderOrOverlapping() {
        assertThat(spans(27, 32, 7, 10, 8, 12, 5, 5).view(TEXT, 0, TEXT.length())).isEqualTo("select      -- note\nselect   \n  ;");
    }

    /** Spans added in the order given, as start and end offsets in pairs. */
    private static BlankedSpans spans(int... bounds) {
        BlankedSpans spans = new BlankedSpans();
        for (int k = 0; k < bounds.length; k += 2) {
            spans.add(bounds[k], bounds[k + 1]);
        }
        return spans.sorted();
    }
}
