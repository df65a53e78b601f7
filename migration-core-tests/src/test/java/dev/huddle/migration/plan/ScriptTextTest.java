package dev.huddle.migration.plan;

import dev.huddle.migration.discover.DirectoryScriptLocation;
import dev.huddle.migration.discover.ScriptFile;
import dev.huddle.migration.failure.MalformedScriptException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A script file's checksum comes from its bytes alone, so verifying an applied script (status, a no-op up) never decodes
 * it; its text is decoded, and bytes that are not UTF-8 refused, only where the text is needed.
 */
class ScriptTextTest {
    @TempDir
    Path folder;

    @Test
    void checksumOfAFileNeedsNoDecodingAndEqualsTheTextsChecksum() throws Exception {
        String sql = "-- caf\u00e9 \uD83D\uDE80\r\ncreate table a (id integer);\n";
        Files.writeString(folder.resolve("V20250101000000__a.sql"), sql);

        ScriptText text = ScriptText.lazy(onlyFile().read());

        assertThat(text.checksum()).isEqualTo(Checksum.of(sql));
        assertThat(text.source()).isEqualTo(sql);
        assertThat(text.checksum()).isEqualTo(Checksum.of(sql));
    }

    @Test
    void aFileThatIsNotUtf8HasAChecksumButItsTextIsRefused() throws Exception {
        byte[] latin1 = "insert into a values ('caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(folder.resolve("V20250101000000__a.sql"), latin1);

        ScriptText text = ScriptText.lazy(onlyFile().read());

        assertThat(text.checksum()).isEqualTo(Checksum.ofUtf8(latin1));
        assertThatThrownBy(text::source).isInstanceOf(MalformedScriptException.class).hasMessageContaining("line 1 is not UTF-8");
    }

    private ScriptFile onlyFile() {
        return new DirectoryScriptLocation(folder).list().get(0);
    }
}
