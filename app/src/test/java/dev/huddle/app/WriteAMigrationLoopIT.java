package dev.huddle.app;

import dev.huddle.migration.cli.HuddleMigrate;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.GitRepository;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop a developer runs while writing a migration, in a copy of the source tree that is never rebuilt, beginning
 * with the built runner jar started inside it: create, validate, up, down, edit, up, edit, redo, seal, edit, seal
 * again, undo the seal; then, once the seal is committed, the migration has shipped and its seal stays.
 */
class WriteAMigrationLoopIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("meetings", "signaling", "events-sync", "auth-hmac");

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createEditApplyRollBackAndRedoWithoutABuild(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        copySourceTree();
        GitRepository git = GitRepository.init(project);
        git.commitAll("the project as it ships");
        String dialect = engine == Engine.POSTGRESQL ? "postgresql" : "sqlite";

        JarProcess.Result created = runnerJar(db, "create", "meetings", "add whiteboards table");
        assertThat(created.exitCode()).as(created.err()).isZero();
        List<Path> files = created.out().lines().filter(line -> line.startsWith("created ")).map(line -> Path.of(line.substring(8))).toList();
        assertThat(files).hasSize(4).allSatisfy(file -> assertThat(file).startsWith(project.resolve("meetings/src/main/resources")));
        String version = files.get(0).getFileName().toString().substring(1, 15);

        JarProcess.Result template = runner(db, "validate");
        assertThat(template.exitCode()).isEqualTo(3);
        assertThat(template.err()).contains("V" + version + "__add_whiteboards_table.sql is empty: it is still the template 'create' wrote");

        writeMigration(files, "title text NOT NULL");
        JarProcess.Result valid = runner(db, "validate");
        assertThat(valid.exitCode()).as(valid.out() + valid.err()).isZero();
        assertThat(valid.out()).contains("Scripts: source tree at " + project);

        assertThat(runner(db, "up").exitCode()).isZero();
        assertThat(columns(db)).containsExactly("id", "title");
        JarProcess.Result status = runner(db, "status");
        assertThat(status.out()).contains("Scripts: source tree at " + project + " (").containsPattern(version + " +add whiteboards table +applied");

        assertThat(runner(db, "down").exitCode()).isZero();
        assertThat(columns(db)).isEmpty();

        writeMigration(files, "title text NOT NULL, colour text");
        assertThat(runner(db, "up").exitCode()).isZero();
        assertThat(columns(db)).containsExactly("id", "title", "colour");

        writeMigration(files, "title text NOT NULL, colour text, archived_at text");
        JarProcess.Result redo = runner(db, "redo");
        assertThat(redo.exitCode()).as(redo.err()).isZero();
        assertThat(columns(db)).containsExactly("id", "title", "colour", "archived_at");

        JarProcess.Result sealed = runner(db, "seal", "meetings");
        assertThat(sealed.exitCode()).as(sealed.err()).isZero();
        assertThat(sealed.out()).contains("sealed meetings/" + dialect + "/V" + version + "__add_whiteboards_table.sql", "Sealed 4 scripts.");
        assertThat(Files.readString(project.resolve("migration-order.txt"))).endsWith(version + " meetings\n");

        writeMigration(files, "title text NOT NULL, colour text, archived_at text, pinned integer");
        JarProcess.Result reminded = runner(db, "validate");
        assertThat(reminded.exitCode()).isEqualTo(3);
        assertThat(reminded.err()).contains("meetings: " + dialect + "/V" + version + "__add_whiteboards_table.sql changed after it was "
                + "sealed, before it shipped", "run 'huddle-migrate seal meetings' again");
        assertThat(runner(db, "redo").exitCode()).isZero();
        assertThat(columns(db)).contains("pinned");
        JarProcess.Result resealed = runner(db, "seal");
        assertThat(resealed.exitCode()).as(resealed.err()).isZero();
        assertThat(resealed.out()).contains("Sealed 2 scripts.");

        JarProcess.Result undone = runner(db, "seal", "--undo", version);
        assertThat(undone.exitCode()).as(undone.err()).isZero();
        assertThat(undone.out()).contains("Unsealed 4 scripts of migration " + version);
        assertThat(Files.readString(project.resolve("migration-order.txt"))).doesNotContain(version);

        assertThat(runner(db, "seal").exitCode()).isZero();
        git.commitAll("add whiteboards table");
        JarProcess.Result shipped = runner(db, "seal", "--undo", version);
        assertThat(shipped.exitCode()).isEqualTo(3);
        assertThat(shipped.err()).contains("meetings: migration " + version + " has shipped", "committed at HEAD",
                "write a new migration that reverts it");
    }

    /** Each module's {@code src/main/resources} and the order file, as a checkout has them. */
    private void copySourceTree() throws IOException {
        for (String module : MODULES) {
            Path from = REPOSITORY.resolve(module).resolve("src/main/resources");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = project.resolve(module).resolve("src/main/resources").resolve(from.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
        Files.copy(REPOSITORY.resolve("migration-order.txt"), project.resolve("migration-order.txt"));
    }

    /** The four scripts {@code create} wrote, with a whiteboards table of these columns after its id, and its drop. */
    private static void writeMigration(List<Path> files, String columns) throws IOException {
        for (Path file : files) {
            boolean down = file.getFileName().toString().startsWith("U");
            boolean postgres = file.getParent().getFileName().toString().equals("postgresql");
            String sql = down ? "DROP TABLE whiteboards;\n"
                    : "CREATE TABLE whiteboards (id " + (postgres ? "bigint" : "INTEGER") + " PRIMARY KEY, " + columns + ");\n";
            Files.writeString(file, sql);
        }
    }

    /** The whiteboards table's columns in order; empty when there is no such table. */
    private static List<String> columns(TestDatabase db) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = db.connect();
             ResultSet rows = connection.getMetaData().getColumns(null, null, "whiteboards", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** The runner jar started in a module folder of the copy, so it finds the source tree by itself. */
    private JarProcess.Result runnerJar(TestDatabase db, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--url", db.url()));
        args.addAll(List.of(command));
        return JarProcess.run(JarProcess.RUNNER_JAR, project.resolve("meetings"), Map.of(), args.toArray(String[]::new));
    }

    /**
     * The loop's later commands: the same runner in this JVM, told the copy with {@code --project-dir}. The jar's own
     * finding of the checkout is shown by the first command; a JVM start for each of the other fifteen would only
     * lengthen the build.
     */
    private JarProcess.Result runner(TestDatabase db, String... command) {
        List<String> args = new ArrayList<>(List.of("--url", db.url(), "--project-dir", project.toString()));
        args.addAll(List.of(command));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HuddleMigrate.run(args.toArray(String[]::new), Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new JarProcess.Result(code, out.toString(), err.toString());
    }
}
