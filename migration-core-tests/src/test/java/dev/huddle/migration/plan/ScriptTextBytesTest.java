package dev.huddle.migration.plan;

import dev.huddle.migration.discover.DecodedScript;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

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
}
