package dev.huddle.migration.plan;

import dev.huddle.migration.discover.DirectoryScriptLocation;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.MalformedScriptException;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.SqlScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file's script is scanned from the characters its decode left, its text made a string only when asked for: what it
 * splits into, where its lines are, its checksum and its directives are exactly those of the same text given as text.
 */
class ScriptTextFromFileTest {
    /** Multi-byte characters at statement bounds, semicolons inside quotes and comments, CRLF line endings. */
    private static final String TRICKY = "-- café; not a statement\r\n"
            + "insert into t values ('a;b', 'Zoë');insert into \"tä;ble\" values ('東京 🙂');\r\n"
            + "/* ō; */ insert into t values ('it''s; fine');ō\r\n"
            + "update t set v = 'ü' where id = 1;\n"
            + "select '🙂'";

    /** Checksums of {@link #TRICKY} and of a one-line script, taken with the build before this change (3d21a2d). */
    private static final int PINNED_TRICKY = -1555028955;
    private static final int PINNED_CREATE = -1923882436;

    @TempDir
    Path folder;

    /** A script file of its own folder: it is read when first needed, so two in one folder would be read as the last. */
    private ScriptText file(byte[] bytes) throws Exception {
        Path path = Files.write(Files.createTempDirectory(folder, "scripts").resolve("V1__script.sql"), bytes);
        return ScriptText.lazy(new DirectoryScriptLocation(path.getParent()).list().get(0).read());
    }

    private ScriptText file(String text) throws Exception {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAFileAsItSplitsTheSameTextGivenAsText() throws Exception {
        String dollarQuoted = TRICKY + ";\ncreate function f() returns text as $fn$ select 'é;'; $fn$ language sql;\nselect 2;";
        for (Dialect dialect : Dialect.values()) {
            String text = dialect == Dialect.POSTGRESQL ? dollarQuoted : TRICKY;
            ScannedScript fromFile = file(text).scanned(dialect);
            ScannedScript fromText = SqlScanner.scan(dialect, text);

            assertThat(fromFile.statements()).as(dialect.name()).extracting(ScriptStatement::sql)
                    .isEqualTo(fromText.statements().stream().map(ScriptStatement::sql).toList());
            assertThat(fromFile.statements()).as(dialect.name()).extracting(ScriptStatement::line)
                    .isEqualTo(fromText.statements().stream().map(ScriptStatement::line).toList());
            assertThat(fromFile.statements()).as(dialect.name()).extracting(ScriptStatement::keywords)
                    .isEqualTo(fromText.statements().stream().map(ScriptStatement::keywords).toList());
            assertThat(fromFile.statements()).as(dialect.name()).extracting(fromFile::codeOf)
                    .isEqualTo(fromText.statements().stream().map(fromText::codeOf).toList());
            assertThat(fromFile.sql()).isEqualTo(text);
        }
    }

    @Test
    void aSqliteFileCutsEachStatementFromItsBytes() throws Exception {
        ScannedScript scanned = file(TRICKY).scanned(Dialect.SQLITE);

        for (ScriptStatement statement : scanned.statements()) {
            byte[] bytes = scanned.utf8Slicer().slice(statement.start(), statement.end());
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(statement.sql());
            assertThat(scanned.sql(statement.start(), statement.end())).isEqualTo(statement.sql());
        }
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheScannedText() throws Exception {
        ScannedScript scanned = file("\uFEFF" + TRICKY).scanned(Dialect.SQLITE);

        assertThat(scanned.sql()).isEqualTo(TRICKY);
        assertThat(scanned.strayCharacters().firstByteOrderMark()).isEqualTo(-1);
        assertThat(scanned.statements().get(0).sql()).isEqualTo("insert into t values ('a;b', 'Zoë')");
        assertThat(new String(scanned.utf8Slicer().slice(0, 6), StandardCharsets.UTF_8)).isEqualTo("-- caf");
    }

    @Test
    void aNulOrAStrayMarkIsFoundOnItsLine() throws Exception {
        ScannedScript scanned = file("select 'é';\r\nselect 1;\n\0select 2;\nselect '\uFEFF';").scanned(Dialect.SQLITE);

        assertThat(scanned.lineOf(scanned.strayCharacters().firstNul())).isEqualTo(3);
        assertThat(scanned.lineOf(scanned.strayCharacters().firstByteOrderMark())).isEqualTo(4);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWhenScanned() throws Exception {
        byte[] bytes = "insert into t values ('caf?');".getBytes(StandardCharsets.US_ASCII);
        bytes[26] = (byte) 0xE9;
        ScriptText text = file(bytes);

        assertThatThrownBy(() -> text.scanned(Dialect.SQLITE)).isInstanceOf(MalformedScriptException.class);
    }

    @Test
    void aFileKeepsTheChecksumItsTextHasWhicheverIsAskedFirst() throws Exception {
        for (String text : new String[]{TRICKY, "\uFEFF" + TRICKY, "", "select 1;\r\n\r\n", "\uFEFF"}) {
            int expected = Checksum.of(text);
            ScriptText checksumFirst = file(text);
            assertThat(checksumFirst.checksum()).isEqualTo(expected);
            checksumFirst.scanned(Dialect.SQLITE);
            assertThat(checksumFirst.checksum()).isEqualTo(expected);

            ScriptText scannedFirst = file(text);
            scannedFirst.scanned(Dialect.SQLITE);
            scannedFirst.directives();
            assertThat(scannedFirst.checksum()).isEqualTo(expected);
        }
    }

    @Test
    void checksumsAreTheOnesOlderBuildsRecorded() throws Exception {
        // History rows written by older builds must still validate.
        assertThat(file(TRICKY).checksum()).isEqualTo(PINNED_TRICKY);
        assertThat(file("\uFEFF" + TRICKY).checksum()).isEqualTo(PINNED_TRICKY);
        assertThat(file("create table t (id integer primary key);\n").checksum()).isEqualTo(PINNED_CREATE);
    }

    @Test
    void readsDirectivesFromTheFileWithoutItsText() throws Exception {
        ScriptText marked = file("-- huddle:no-transaction VACUUM needs it — vraiment\nvacuum;\n");
        ScriptText unmarked = file("-- huddle no marker here: é\nvacuum;\n");

        assertThat(marked.directives().get(ScriptDirectives.NO_TRANSACTION)).isEqualTo("VACUUM needs it — vraiment");
        assertThat(unmarked.directives().values()).isEmpty();
        marked.scanned(Dialect.SQLITE);
        assertThat(marked.directives().hasWithReason(ScriptDirectives.NO_TRANSACTION)).isTrue();
    }
}
