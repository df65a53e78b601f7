package dev.huddle.migration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code create} end to end: the scripts it writes are planned at once, and a refusal writes nothing. */
class CreateRunnerIT {
    private static final Pattern CREATED_UP = Pattern.compile("created (.*/alpha/postgresql/V(\\d{14})__add_whiteboard_table\\.sql)");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createWritesUpAndDownScriptsForBothDialectsThatStatusThenLists(Engine engine) throws Exception {
        Path modules = Scenarios.copy("reversible", temp);
        TestDatabase database = TestDatabases.fresh(engine);

        Run create = run(Map.of(), "--modules-dir", modules.toString(), "create", "alpha", "Add", "whiteboard-table");

        assertThat(create.code()).as(create.err()).isEqualTo(ExitCodes.OK);
        Matcher up = CREATED_UP.matcher(create.out());
        assertThat(up.find()).as(create.out()).isTrue();
        String version = up.group(2);
        assertThat(version).isGreaterThan("20250105000000");
        String name = version + "__add_whiteboard_table.sql";
        List<Path> files = List.of(
                modules.resolve("alpha/postgresql/V" + name), modules.resolve("alpha/down/postgresql/U" + name),
                modules.resolve("alpha/sqlite/V" + name), modules.resolve("alpha/down/sqlite/U" + name));
        assertThat(create.out().lines().filter(line -> line.startsWith("created "))).containsExactlyElementsOf(
                files.stream().map(file -> "created " + file).toList());
        assertThat(files).allSatisfy(file -> assertThat(file).isRegularFile());
        assertThat(create.err()).isEmpty();
        Run refused = run(database, modules.toString(), "status");
        assertThat(refused.code()).as("the empty templates are refused until written").isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(refused.err()).contains("V" + name + " is empty");
        for (Path file : files) {
            Scenarios.write(file, file.getFileName().toString().startsWith("V")
                    ? "create table alpha_whiteboards (id integer primary key);\n" : "drop table alpha_whiteboards;\n");
        }

        Run status = run(database, modules.toString(), "status", "--json");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        JsonNode last = new ObjectMapper().readTree(status.out()).path("migrations").get(5);
        assertThat(last.path("module").asText()).isEqualTo("alpha");
        assertThat(last.path("version").asText()).isEqualTo(version);
        assertThat(last.path("description").asText()).isEqualTo("add whiteboard table");
        assertThat(last.path("state").asText()).isEqualTo("pending");
        assertThat(last.path("reversible").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createExitsTwoAndWritesNothingForAnUnknownModuleOrAnUnusableDescription(Engine engine) {
        Path modules = Scenarios.copy("reversible", temp);
        TestDatabase database = TestDatabases.fresh(engine);
        List<String> before = Scenarios.files(modules);

        Run unknownModule = run(database, modules.toString(), "create", "gamma", "add", "thing");
        Run punctuation = run(database, modules.toString(), "create", "alpha", "!!!");
        Run empty = run(database, modules.toString(), "create", "alpha", "");
        Run missing = run(database, modules.toString(), "create", "alpha");

        assertThat(unknownModule.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownModule.err()).contains("Unknown module gamma", "Known modules: alpha, beta");
        assertThat(punctuation.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(punctuation.err()).contains("Description '!!!' cannot be used");
        assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("Description '' cannot be used");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("DESCRIPTION");
        assertThat(Scenarios.files(modules)).isEqualTo(before);
    }
}
