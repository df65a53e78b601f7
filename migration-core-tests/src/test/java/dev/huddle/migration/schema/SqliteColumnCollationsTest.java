package dev.huddle.migration.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** A SQLite column's collation is its definition's own COLLATE clause, never one in a check, default, string, name or comment. */
class SqliteColumnCollationsTest {

    @Test
    void readsEachColumnsOwnCollateClause() {
        String sql = """
                CREATE TABLE "odd table" (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL collate nocase, -- COLLATE RTRIM here is a comment
                    [the, title] TEXT COLLATE "RTRIM" CHECK ([the, title] <> 'x' COLLATE NOCASE),
                    plain TEXT DEFAULT ('a, b COLLATE NOCASE'),
                    bytes TEXT COLLATE BINARY,
                    /* a, b COLLATE NOCASE */ "quoted" VARCHAR(10, 2) COLLATE custom_order,
                    CONSTRAINT ck CHECK (code <> '' COLLATE RTRIM),
                    UNIQUE (code COLLATE NOCASE)
                )""";

        assertThat(SqliteColumnCollations.of(sql)).containsOnly(
                entry("code", "NOCASE"),
                entry("the, title", "RTRIM"),
                entry("quoted", "CUSTOM_ORDER"));
    }

    @Test
    void aTableWithoutCollationsHasNone() {
        assertThat(SqliteColumnCollations.of("CREATE TABLE t (a TEXT, b INTEGER)")).isEmpty();
        assertThat(SqliteColumnCollations.of(null)).isEmpty();
    }
}
