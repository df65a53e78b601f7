package dev.huddle.migration.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlankedSpansTest {
    private static final String TEXT = "select 'a'; -- note\nselect 'b\nc';";

    @Test
    void blanksEverySpanKeepingLineEndings() {
        BlankedSpans spans = new BlankedSpans();
        spans.add(7, 10);
        spans.add(12, 19);
        spans.add(27, 32);

        assertThat(spans.sorted().view(TEXT, 0, TEXT.length())).isEqualTo("select    ;        \nselect   \n  ;");
    }

    @Test
    void viewsAPartOfTheTextWithTheSpansThatCrossItsEdges() {
        BlankedSpans spans = new BlankedSpans();
        spans.add(7, 10);
        spans.add(27, 32);

        assertThat(spans.sorted().view(TEXT, 8, 30)).isEqualTo("  ; -- note\nselect   \n");
    }

    @Test
    void mergesSpansAddedOutOfOrderOrOverlapping() {
        BlankedSpans spans = new BlankedSpans();
        spans.add(27, 32);
        spans.add(7, 10);
        spans.add(8, 12);
        spans.add(5, 5);

        assertThat(spans.sorted().view(TEXT, 0, TEXT.length())).isEqualTo("select      -- note\nselect   \n  ;");
    }
}
