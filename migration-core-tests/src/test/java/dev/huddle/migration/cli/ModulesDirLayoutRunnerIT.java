package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A {@code --modules-dir} folder as editors and tools leave it: hidden folders and files, a down script in the wrong place. */
class ModulesDirLayoutRunnerIT {
    @TempDir
    Path temp;

    @Test
    void hiddenFoldersAndFilesAreIgnored() throws Exception {
        Path modules = Scenarios.copy("interleaved", temp);
        Files.createDirectories(modules.resolve(".git").resolve("objects"));
        Files.writeString(Files.createDirectories(modules.resolve(".idea")).resolve("workspace.xml"), "<project/>");
        Files.writeString(modules.resolve("alpha").resolve("sqlite").resolve(".DS_Store"), "finder state");

        Run up = run("jdbc:sqlite:" + temp.resolve("huddle.db"), modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("Applied 4 migrations.");
    }

    @Test
    void aDownScriptInAnUpFolderIsPointedToTheDownFolder() throws Exception {
        Path modules = Scenarios.copy("interleaved", temp);
        Path misplaced = modules.resolve("alpha").resolve("sqlite").resolve("U20250103000000__add_alpha_note.sql");
        Files.writeString(misplaced, "alter table alpha_items drop column note;\n");

        Run up = run("jdbc:sqlite:" + temp.resolve("huddle.db"), modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("alpha: " + misplaced + " is a down script in an up script folder. Move it to "
                + modules.resolve("alpha").resolve("down").resolve("sqlite") + "/, where down scripts belong.");
        assertThat(temp.resolve("huddle.db")).doesNotExist();
    }

    @Test
    void helpDescribesTheModulesFolderLayoutWithItsDownScripts() {
        Run help = run(Map.of(), "--help");

        assertThat(help.out().replaceAll("\\s+", " ")).contains("--modules-dir=DIR Also load modules from DIR: each subfolder "
                + "DIR/<module>/ with up scripts (V<version>__<name>.sql) in postgresql/ and sqlite/, their down scripts "
                + "(U<version>__<name>.sql) in down/postgresql/ and down/sqlite/; hidden folders are ignored.");
    }
}
