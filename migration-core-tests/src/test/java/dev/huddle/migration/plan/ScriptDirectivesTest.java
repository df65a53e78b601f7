package dev.huddle.migration.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptDirectivesTest {

    @Test
    void readsEachMarkerWithItsReason() {
        ScriptDirectives directives = ScriptDirectives.parse("""
                -- huddle:out-of-order merged late from branch x
                --huddle:no-transaction   CREATE INDEX CONCURRENTLY needs it\s\s
                create index concurrently items_name on items (name);
                """);

        assertThat(directives.get(ScriptDirectives.OUT_OF_ORDER)).isEqualTo("merged late from branch x");
        assertThat(directives.get(ScriptDirectives.NO_TRANSACTION)).isEqualTo("CREATE INDEX CONCURRENTLY needs it");
        assertThat(directives.hasWithReason(ScriptDirectives.OUT_OF_ORDER)).isTrue();
        assertThat(directives.has(ScriptDirectives.IRREVERSIBLE)).isFalse();
        assertThat(directives.get(ScriptDirectives.IRREVERSIBLE)).isNull();
    }

    @Test
    void aMarkerAtTheEndOfTheScriptWithoutAReasonHasNone() {
        ScriptDirectives directives = ScriptDirectives.parse("create table items (id integer);\n-- huddle:out-of-order\n");

        assertThat(directives.has(ScriptDirectives.OUT_OF_ORDER)).isTrue();
        assertThat(directives.hasWithReason(ScriptDirectives.OUT_OF_ORDER)).isFalse();
    }

    @Test
    void aMarkerWithoutAReasonHasNoReasonEvenWhenALineFollows() {
        ScriptDirectives directives = ScriptDirectives.parse("""
                -- huddle:no-transaction
                create index concurrently items_name on items (name);
                """);

        assertThat(directives.has(ScriptDirectives.NO_TRANSACTION)).isTrue();
        assertThat(directives.get(ScriptDirectives.NO_TRANSACTION)).isEmpty();
        assertThat(directives.hasWithReason(ScriptDirectives.NO_TRANSACTION)).isFalse();
    }

    @Test
    void aMarkerWithoutAReasonLeavesTheMarkerOnTheNextLineAlone() {
        ScriptDirectives directives = ScriptDirectives.parse("""
                -- huddle:no-transaction
                -- huddle:dialect-only PostgreSQL only
                create index concurrently items_name on items (name);
                """);

        assertThat(directives.get(ScriptDirectives.NO_TRANSACTION)).isEmpty();
        assertThat(directives.get(ScriptDirectives.DIALECT_ONLY)).isEqualTo("PostgreSQL only");
    }

    @Test
    void aMarkerCountsOnlyAtTheStartOfALine() {
        ScriptDirectives directives = ScriptDirectives.parse("select 1; -- huddle:out-of-order not at the start of a line\n");

        assertThat(directives.has(ScriptDirectives.OUT_OF_ORDER)).isFalse();
    }
}
