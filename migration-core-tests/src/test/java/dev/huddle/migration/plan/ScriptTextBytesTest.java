package dev.huddle.migration.plan;

import dev.huddle.migration.discover.DecodedScript;
import dev.huddle.migration.discover.DecodedText;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.SqlScanner;
import dev.huddle.migration.sql.StrayCharacters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A SQLite script is scanned with the bytes its file was read as, so that its runs are cut from them, not encoded again. */
class ScriptTextBytesTest {
    private static final String SQL = "insert into t values ('Zoë');\ninsert into t values ('Ōtsuka 🙂');\n";

    private static ScriptText read(String file) {
        return ScriptText.lazy(() -> new DecodedScript(file, file.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSqliteScanCutsStatementsFromTheFileBytesPastAByteOrderMark() {
        ScriptText text = read("\uFEFF" + SQL);
        text.directives();

        ScannedScript scanned = text.scanned(Dialect.SQLITE);
        ScriptStatement second = scanned.statements().get(1);

        assertThat(scanned.sql()).isEqualTo(SQL);
        assertThat(new String(scanned.utf8Slicer().slice(second.start(), second.end()), StandardCharsets.UTF_8))
                .isEqualTo("insert into t values ('Ōtsuka 🙂')");
    }

    @Test
    void onlySqliteKeepsTheBytes() {
        assertThat(read(SQL).scanned(Dialect.POSTGRESQL).utf8Slicer()).isNull();
        assertThat(ScriptText.of(SQL).scanned(Dialect.SQLITE).utf8Slicer()).as("text given as text").isNull();
    }

    @Test
    void aScanOfDecodedCharactersTakesTheStrayCharactersTheDecodeNoted() {
        String sql = "select 1;\n\0select 2;\n\uFEFFselect 3;\n";
        char[] chars = Arrays.copyOf(sql.toCharArray(), sql.length() + 8);

        ScannedScript fromDecode = SqlScanner.scan(Dialect.SQLITE, new DecodedText(sql, chars, 10, 21), null, 0);
        ScannedScript searched = SqlScanner.scan(Dialect.SQLITE, sql);

        assertThat(fromDecode.strayCharacters()).isEqualTo(searched.strayCharacters()).isEqualTo(new StrayCharacters(10, 21));
        assertThat(fromDecode.statements()).extracting(ScriptStatement::sql)
                .isEqualTo(searched.statements().stream().map(ScriptStatement::sql).toList());
    }
}
