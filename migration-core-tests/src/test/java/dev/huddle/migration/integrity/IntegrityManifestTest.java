package dev.huddle.migration.integrity;

import dev.huddle.migration.failure.MalformedIntegrityFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrityManifestTest {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "0123456789abcdef".repeat(4);

    @Test
    void formatsOneSortedLinePerScriptUnderAHeaderAndParsesItBack() {
        IntegrityManifest manifest = new IntegrityManifest(Map.of(
                "sqlite/V20250101000000__create_items.sql", SHA_B,
                "down/postgresql/U20250101000000__create_items.sql", SHA_A,
                "postgresql/V20250101000000__create_items.sql", SHA_A));

        String text = manifest.format("alpha");

        assertThat(text).startsWith("# Integrity manifest of module alpha").contains("huddle-migrate seal alpha").endsWith("\n");
        assertThat(text.lines().filter(line -> !line.startsWith("#"))).containsExactly(
                "down/postgresql/U20250101000000__create_items.sql " + SHA_A,
                "postgresql/V20250101000000__create_items.sql " + SHA_A,
                "sqlite/V20250101000000__create_items.sql " + SHA_B);
        assertThat(IntegrityManifest.parse(text)).isEqualTo(manifest);
    }

    @Test
    void parsesCrlfLinesBlankLinesAndComments() {
        String text = "# header\r\n\r\npostgresql/V1.sql  " + SHA_A + "\r\n   \r\n# another\r\nsqlite/V1.sql\t" + SHA_B + "\r\n";

        assertThat(IntegrityManifest.parse(text).sha256ByPath())
                .containsExactlyInAnyOrderEntriesOf(Map.of("postgresql/V1.sql", SHA_A, "sqlite/V1.sql", SHA_B));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql/V1.sql",
            "postgresql/V1.sql abc",
            "postgresql/V1.sql AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "postgresql/V1.sql aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa extra",
            "postgresql/V 1.sql aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    })
    void refusesAMalformedLineNamingIt(String line) {
        assertThatThrownBy(() -> IntegrityManifest.parse("# fine\n" + line + "\n"))
                .isInstanceOf(MalformedIntegrityFileException.class)
                .hasMessage("Malformed integrity manifest line: '" + line + "'. Restore the file from version control.");
    }

    @Test
    void hashesScriptTextWithoutRegardToLineEndings() {
        String lf = "create table items (id integer);\ncreate index items_id on items (id);\n";

        assertThat(IntegrityManifest.sha256(lf.replace("\n", "\r\n"))).isEqualTo(IntegrityManifest.sha256(lf));
        assertThat(IntegrityManifest.sha256(lf)).matches("[0-9a-f]{64}").isNotEqualTo(IntegrityManifest.sha256(lf + " "));
        assertThat(IntegrityManifest.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
