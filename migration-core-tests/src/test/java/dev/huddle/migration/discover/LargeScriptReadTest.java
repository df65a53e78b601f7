package dev.huddle.migration.discover;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A file larger than one read slice is read whole, and as it is when read, even if its size changed since it was opened. */
class LargeScriptReadTest {
    @TempDir
    Path folder;

    @Test
    void aScriptOfSeveralReadSlicesReadsAsItsBytes() throws Exception {
        StringBuilder sql = new StringBuilder();
        for (int row = 0; sql.length() < 3_500_000; row++) {
            sql.append("insert into t values (").append(row).append(", 'Zoë''s café 東京 🙂');\n");
        }
        Files.writeString(folder.resolve("V1__load.sql"), sql);

        ScriptFile file = new DirectoryScriptLocation(folder).list().get(0);

        assertThat(file.content().get()).isEqualTo(sql.toString());
    }

    @Test
    void readsWhatTheFileHoldsWhenItsSizeIsNotTheOneGiven() throws Exception {
        byte[] bytes = new byte[3_000_001];
        Arrays.fill(bytes, (byte) 'x');
        Path file = Files.write(folder.resolve("V1__load.sql"), bytes);

        try (FileInputStream in = new FileInputStream(file.toFile())) {
            assertThat(DirectoryScriptLocation.readAll(in, 2_000_000)).as("grown since").isEqualTo(bytes);
        }
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            assertThat(DirectoryScriptLocation.readAll(in, 4_000_000)).as("shrunk since").isEqualTo(bytes);
        }
    }
}
