package dev.huddle.migration.plan;

import dev.huddle.migration.discover.DecodedScript;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Checksum must equal what Flyway records, or every applied script would look edited. */
class ChecksumTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "create table a (id integer);\n",
            "create table a (id integer);",
            "create table a (id integer);\r\ninsert into a values (1);\r\n",
            "create table a (id integer);\rinsert into a values (1);\r",
            "\uFEFFcreate table a (id integer);\n",
            "\uFEFF",
            "\n\uFEFFnot at the start;\n",
            "",
            "\n",
            "\n\n\n",
            "  \t indented;\n\n-- trailing comment",
            "insert into notes values ('caf\u00e9 \u00fcber \u65e5\u672c \uD83D\uDE80');\n",
            "-- \u00c5ngstr\u00f6m\r\nselect '\u20ac';",
    })
    void equalsFlywaysChecksum(String sql) {
        assertThat(Checksum.of(sql)).isEqualTo(flyway(sql));
    }

    @org.junit.jupiter.api.Test
    void equalsFlywaysChecksumOverManyBuffersWithCharactersAcrossTheirEdges() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            sql.append("insert into notes values (").append(i).append(", '\u00e9\u65e5\uD83D\uDE80');\r\n");
        }
        assertThat(Checksum.of(sql.toString())).isEqualTo(flyway(sql.toString()));
    }

    @Test
    void aScriptReadFromAFileHasFlywaysChecksumFromItsBytes() {
        String sql = "\uFEFF-- caf\u00e9 \uD83D\uDE80\r\ncreate table a (id integer);\rselect 1;\n\n";
        ScriptText text = ScriptText.lazy(() -> new DecodedScript(sql, sql.getBytes(StandardCharsets.UTF_8)));

        assertThat(text.checksum()).isEqualTo(flyway(sql));
        assertThat(text.source()).isEqualTo(sql);
    }

    @Test
    void ignoresLineEndingsAndByteOrderMarkLikeFlyway() {
        int lf = Checksum.of("create table a (id integer);\ninsert into a values (1);\n");

        assertThat(Checksum.of("create table a (id integer);\r\ninsert into a values (1);\r\n")).isEqualTo(lf);
        assertThat(Checksum.of("\uFEFFcreate table a (id integer);\ninsert into a values (1);")).isEqualTo(lf);
    }

    @Test
    void changesWhenTheTextChanges() {
        assertThat(Checksum.of("create table a (id integer);"))
                .isNotEqualTo(Checksum.of("create table a (id bigint);"))
                .isNotEqualTo(Checksum.of("create table a (id integer); "));
    }

    @Test
    void emptyScriptHasTheChecksumOfNothing() {
        assertThat(Checksum.of("")).isZero().isEqualTo(flyway(""));
    }

    private static int flyway(String sql) {
        return ChecksumCalculator.calculate(new LoadableResource() {
            @Override
            public Reader read() {
                return new StringReader(sql);
            }

            @Override
            public String getAbsolutePath() {
                return "/test/V20250101000000__checksum.sql";
            }

            @Override
            public String getAbsolutePathOnDisk() {
                return getAbsolutePath();
            }

            @Override
            public String getFilename() {
                return "V20250101000000__checksum.sql";
            }

            @Override
            public String getRelativePath() {
                return "test/V20250101000000__checksum.sql";
            }
        });
    }
}
