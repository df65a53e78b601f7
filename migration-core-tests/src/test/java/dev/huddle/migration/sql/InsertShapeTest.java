package dev.huddle.migration.sql;

import dev.huddle.migration.discover.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class InsertShapeTest {

    @ParameterizedTest
    @MethodSource("plainInserts")
    void countsTheRowsOfAPlainInsert(String sql, int rows) {
        assertThat(rowsOf(sql)).isEqualTo(rows);
    }

    static Stream<Arguments> plainInserts() {
        return Stream.of(
                arguments("insert into items values (1, 'a')", 1),
                arguments("INSERT INTO items (id, body) VALUES (1, 'a'), (2, 'b'),(3,'c')", 3),
                arguments("InSeRt iNtO items VaLuEs (1)", 1),
                arguments("insert into \"odd (name\" (\"col)\") values (1)", 1),
                arguments("insert into [items] values (1)", 1),
                arguments("insert into `items` values (1)", 1),
                arguments("insert into items values (abs(-1), (select max(id) from other), 'x'' ) ; -- (')", 1),
                arguments("insert /* a ( comment */ into items -- (\n values (1) /* ) */ , (2)", 2),
                arguments("insert into items values ('it''s; (not', x'00ff', 1.5e3, -2)", 1),
                arguments("insert into d\u00e4t\u00e4 values ('\u00fcn\u00efcode')", 1),
                arguments("insert into items values (?, :name, $v, @w, x'00', null, -1.5)", 1),
                arguments("insert into items values (1, \"a double-quoted (string\"), (2, [b])", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "insert or ignore into items values (1)",
            "insert or replace into items values (1)",
            "replace into items values (1)",
            "insert into items values (1) on conflict do nothing",
            "insert into items values (1) on conflict (id) do update set body = 'x'",
            "insert into items values (1) returning id",
            // SQLite folds keyword case in ASCII only: a dotless i does not make INSERT.
            "\u0131nsert into items values (1)",
            "insert into \"sqlite_Stat1\" values ('t', null, '1')",
            "insert into items select * from other",
            "insert into items (id) select 1",
            "insert into items default values",
            "insert into main.items values (1)",
            "insert into \"main\".items values (1)",
            "insert into sqlite_stat1 values ('t', null, '1')",
            "insert into \"SQLITE_sequence\" values ('t', 1)",
            "insert into items as i values (1)",
            "with x as (select 1) insert into items select * from x",
            "insert into items values (1",
            "insert into items values 1",
            "insert into items values (1) (2)",
            "insert into items values (1),",
            "insert into 'items' values (1)",
            "update items set id = 2",
            "insert into items values ((1)",
    })
    void answersZeroForAnythingElse(String sql) {
        assertThat(rowsOf(sql)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"insert into items values (1)", "insert into items (id) values (1), (2)"})
    void countsNoRowsOnPostgres(String sql) {
        assertThat(SqlScanner.scan(Dialect.POSTGRESQL, sql + ";\n").statements().get(0).plainInsertRows()).isZero();
    }

    private static int rowsOf(String sql) {
        ScannedScript script = SqlScanner.scan(Dialect.SQLITE, sql + ";\n");
        assertThat(script.statements()).hasSize(1);
        return script.statements().get(0).plainInsertRows();
    }
}
