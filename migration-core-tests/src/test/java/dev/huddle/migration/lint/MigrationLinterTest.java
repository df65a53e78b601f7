package dev.huddle.migration.lint;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.plan.ResolvedScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MigrationLinterTest {
    private static final String FILE = "V20250601000000__change_items.sql";
    private static final String SCRIPT = "alpha/" + FILE;
    /** Sets a lock timeout first, so only the rule under test can fire. */
    private static final String TIMEOUT = "set local lock_timeout = '5s';\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "H001 | create index items_name on items (name);",
            "H001 | create unique index items_name on public.items using btree (name);",
            "H002 | alter table items add column code text not null;",
            "H003 | alter table items alter column code type bigint;",
            "H003 | alter table items alter code set data type bigint;",
            "H004 | drop table items;",
            "H004 | alter table items drop column code;",
            "H004 | alter table items rename column code to label;",
            "H004 | alter table items rename to things;",
            "H005 | alter table items add constraint items_owner foreign key (owner_id) references owners (id);",
            "H005 | alter table items add constraint items_positive check (amount > 0);",
            "H005 | alter table items add column owner_id bigint references owners (id);",
    })
    void eachRuleFiresOnItsStatementNamingTheRuleTheScriptAndTheLine(String rule, String statement) {
        List<LintFinding> findings = lint(TIMEOUT + "\n" + statement + "\n");

        assertThat(findings).extracting(LintFinding::rule, LintFinding::script, LintFinding::line)
                .containsExactly(tuple(LintRule.valueOf(rule), SCRIPT, 3));
        assertThat(findings.get(0).toString()).startsWith(rule + " " + SCRIPT + ":3 (postgresql): ")
                .contains(LintRule.valueOf(rule).problem(), "Suggestion: " + LintRule.valueOf(rule).suggestion(),
                        "'-- huddle:lint-ignore " + rule + " <reason>'");
    }

    @Test
    void aLockingStatementWithoutALockTimeoutFiresH006OncePerScript() {
        List<LintFinding> findings = lint("""
                alter table items add column code text;
                alter table items add column label text;
                """);

        assertThat(findings).extracting(LintFinding::rule, LintFinding::line).containsExactly(tuple(LintRule.H006, 1));
        assertThat(findings.get(0).detail()).isEqualTo("alter table items add column code text");
    }

    @Test
    void aLockTimeoutSetAfterTheFirstLockingStatementComesTooLate() {
        assertThat(lint("alter table items add column code text;\n" + TIMEOUT)).extracting(LintFinding::rule)
                .containsExactly(LintRule.H006);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "set local lock_timeout = '5s';\nalter table items add column code text;",
            "SET lock_timeout TO '2s';\nALTER TABLE items ADD COLUMN code text;",
            "create index concurrently items_name on items (name);",
            "create unique index concurrently if not exists items_name on items (name);",
            TIMEOUT + "alter table items add column code text not null default '';",
            TIMEOUT + "alter table items add column code integer default 0 not null;",
            TIMEOUT + "alter table items add constraint items_owner foreign key (owner_id) references owners (id) not valid;",
            TIMEOUT + "alter table items add constraint items_positive check (amount > 0) not valid;",
            TIMEOUT + "alter table items validate constraint items_owner;",
            TIMEOUT + "alter table items alter column code set default 'x';",
            "insert into items (name) values ('drop table items');",
            "-- drop table items;\nselect 1;",
    })
    void doesNotFireOnSafeStatements(String sql) {
        assertThat(lint(sql)).isEmpty();
    }

    @Test
    void doesNotFireOnATableCreatedInTheSameScript() {
        assertThat(lint("""
                create table items (id bigint primary key, code text, owner_id bigint);
                create index items_code on items (code);
                alter table items add column name text not null;
                alter table items alter column code type varchar(20);
                alter table items add constraint items_owner foreign key (owner_id) references owners (id);
                alter table items rename column code to label;
                alter table items drop column label;
                drop table items;
                """)).isEmpty();
    }

    @Test
    void aTableCreatedInTheScriptDoesNotExemptAnotherTable() {
        assertThat(lint("""
                create table "Items" (id bigint primary key);
                create index owners_name on owners (name);
                """)).extracting(LintFinding::rule, LintFinding::line).containsExactly(tuple(LintRule.H001, 2), tuple(LintRule.H006, 2));
    }

    @Test
    void aMarkerWithAReasonSilencesItsRuleOnly() {
        List<LintFinding> findings = lint("""
                -- huddle:lint-ignore H001 items has 40 rows in every install
                create index items_name on items (name);
                alter table items add column code text not null;
                """);

        assertThat(findings).extracting(LintFinding::rule, LintFinding::line)
                .containsExactly(tuple(LintRule.H006, 2), tuple(LintRule.H002, 3));
    }

    @Test
    void markersCanSilenceSeveralRules() {
        assertThat(lint("""
                -- huddle:lint-ignore H004 nothing reads items since release 12
                -- huddle:lint-ignore H006 run while the app is stopped
                drop table items;
                """)).isEmpty();
    }

    @Test
    void aMarkerWithoutAReasonIsH000AndSilencesNothing() {
        List<LintFinding> findings = lint("""
                set local lock_timeout = '5s';
                -- huddle:lint-ignore H001
                create index items_name on items (name);
                """);

        assertThat(findings).extracting(LintFinding::rule, LintFinding::line, LintFinding::detail).containsExactly(
                tuple(LintRule.H000, 2, "lint-ignore H001 without a reason"),
                tuple(LintRule.H001, 3, "CREATE INDEX on items"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"H009", "H000"})
    void aMarkerNamingNoRuleIsH000(String id) {
        List<LintFinding> findings = lint("-- huddle:lint-ignore " + id + " we know what we do\n" + TIMEOUT + "drop table items;\n");

        assertThat(findings).extracting(LintFinding::rule, LintFinding::line, LintFinding::detail).containsExactly(
                tuple(LintRule.H000, 1, "unknown rule " + id),
                tuple(LintRule.H004, 3, "DROP TABLE items"));
    }

    @Test
    void aMalformedRuleIdInAMarkerIsReported() {
        List<LintFinding> findings = lint("-- huddle:lint-ignore H04 the table is unused\n" + TIMEOUT + "drop table items;\n");

        assertThat(findings).extracting(LintFinding::rule, LintFinding::line).containsExactly(
                tuple(LintRule.H000, 1), tuple(LintRule.H004, 3));
    }

    @Test
    void flagsANotNullColumnWhoseTypeHasAComma() {
        List<LintFinding> findings = lint(TIMEOUT + "alter table items add column price numeric(10,2) not null;\n");

        assertThat(findings).extracting(LintFinding::rule, LintFinding::line).containsExactly(tuple(LintRule.H002, 2));
    }

    @Test
    void setLocalInAScriptWithoutTransactionIsNoLockTimeout() {
        List<LintFinding> findings = lint("""
                -- huddle:no-transaction the index below is built concurrently
                set local lock_timeout = '5s';
                alter table items add column code text;
                create index concurrently items_code on items (code);
                """);

        assertThat(findings).extracting(LintFinding::rule, LintFinding::line).containsExactly(tuple(LintRule.H006, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "create index items_name on items (name);",
            "alter table items add column code text not null;",
            "alter table items add column owner_id integer references owners (id);",
    })
    void sqliteScriptsGetNoneOfThePostgresqlLockingRules(String statement) {
        ResolvedScript postgres = script(Dialect.POSTGRESQL, statement + "\n");
        ResolvedScript sqlite = script(Dialect.SQLITE, statement + "\n");

        assertThat(MigrationLinter.lint(List.of(postgres))).isNotEmpty();
        assertThat(MigrationLinter.lint(List.of(sqlite))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "drop table items;                         | DROP TABLE items",
            "alter table items drop column code;       | ALTER TABLE items DROP COLUMN",
            "alter table items rename column a to b;   | ALTER TABLE items RENAME",
            "alter table items rename to things;       | ALTER TABLE items RENAME",
    })
    void sqliteScriptsAreFlaggedForDroppingOrRenamingNamingTheirDialect(String statement, String detail) {
        List<LintFinding> findings = MigrationLinter.lint(List.of(script(Dialect.SQLITE, "-- a comment\n" + statement + "\n")));

        assertThat(findings).extracting(LintFinding::rule, LintFinding::dialect, LintFinding::line, LintFinding::detail)
                .containsExactly(tuple(LintRule.H004, Dialect.SQLITE, 2, detail));
        assertThat(findings.get(0).toString()).startsWith("H004 " + SCRIPT + ":2 (sqlite): " + detail + ": ");
    }

    @Test
    void aSqliteTableRebuildKeepsTheTableAndIsNotFlagged() {
        assertThat(MigrationLinter.lint(List.of(script(Dialect.SQLITE, """
                create table items_new (id integer primary key, name text not null);
                insert into items_new select id, name from items;
                drop table items;
                alter table items_new rename to items;
                """)))).isEmpty();
        assertThat(MigrationLinter.lint(List.of(script(Dialect.SQLITE, """
                create table items_new (id integer primary key);
                drop table items;
                alter table items_new rename to things;
                """)))).extracting(LintFinding::rule, LintFinding::line).containsExactly(tuple(LintRule.H004, 2));
    }

    @Test
    void sqliteScriptsHonourTheSameMarkers() {
        assertThat(MigrationLinter.lint(List.of(script(Dialect.SQLITE, "-- huddle:lint-ignore H004 unused since 0.2\ndrop table items;\n"))))
                .isEmpty();
        assertThat(MigrationLinter.lint(List.of(script(Dialect.SQLITE, "-- huddle:lint-ignore H004\ndrop table items;\n"))))
                .extracting(LintFinding::rule, LintFinding::dialect).containsExactly(tuple(LintRule.H000, Dialect.SQLITE), tuple(LintRule.H004, Dialect.SQLITE));
    }

    @Test
    void lintsEachScriptWithItsOwnDialectsRules() {
        String sql = "create index items_name on items (name);\ndrop table legacy;\n";

        List<LintFinding> findings = MigrationLinter.lint(List.of(script(Dialect.SQLITE, sql), script(Dialect.POSTGRESQL, sql)));

        assertThat(findings).extracting(LintFinding::dialect, LintFinding::rule).containsExactly(
                tuple(Dialect.SQLITE, LintRule.H004),
                tuple(Dialect.POSTGRESQL, LintRule.H001), tuple(Dialect.POSTGRESQL, LintRule.H006), tuple(Dialect.POSTGRESQL, LintRule.H004));
    }

    private static List<LintFinding> lint(String sql) {
        return MigrationLinter.lint(script(Dialect.POSTGRESQL, sql));
    }

    private static ResolvedScript script(Dialect dialect, String sql) {
        return new ResolvedScript("alpha", dialect, "20250601000000", "change_items", FILE, "/modules/alpha/" + dialect.folderName() + "/" + FILE,
                sql, null);
    }
}
