package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.execute.MigrationProgress;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.SquashedStandIn;
import dev.huddle.migration.schema.SchemaModel;
import dev.huddle.migration.schema.SchemaReader;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A squashed baseline packed in a module's jar, as the app and the runner jar carry it: a fresh database runs the
 * baseline read from the jar in place of the originals; a database that has the first of them runs the originals.
 */
class SquashedBaselineInJarIT {
    private static final String LAST_SQUASHED = "20250103000000";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void freshDatabaseRunsTheBaselineFromTheJarAndAnExistingOneTheOriginals(Engine engine) throws Exception {
        Path modules = Scenarios.copy("squash", temp);
        Run squash = run(TestDatabases.fresh(engine), modules.toString(), "squash", "--module", "shop", "--to", LAST_SQUASHED);
        assertThat(squash.code()).as(squash.err()).isEqualTo(ExitCodes.OK);
        Path jar = packModule(modules.resolve("shop"), "shop", temp.resolve("shop.jar"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> anchor = loader.loadClass(PackedModuleAnchor.class.getName());
            assertThat(anchor).isNotSameAs(PackedModuleAnchor.class);
            Migrations packed = Migrations.of(List.of(ModuleDescriptor.onClasspath("shop", anchor).build()));
            TestDatabase fresh = TestDatabases.fresh(engine);
            TestDatabase existing = TestDatabases.fresh(engine);

            List<ResolvedScript> freshRun = up(packed, fresh, null);
            List<ResolvedScript> existingFirst = up(packed, existing, "20250101000000");
            List<ResolvedScript> existingRest = up(packed, existing, null);

            Optional<SquashedStandIn> baseline = freshRun.get(0).standIn();
            assertThat(baseline).hasValueSatisfying(standIn -> {
                assertThat(standIn.runsBaseline()).isTrue();
                assertThat(standIn.baseline()).isEqualTo("B" + LAST_SQUASHED + "__squashed_baseline.sql");
                assertThat(standIn.versions()).containsExactly("20250101000000", "20250102000000", LAST_SQUASHED);
            });
            assertThat(freshRun.get(0).sql()).startsWith("-- Squashed baseline of module shop");
            assertThat(freshRun.stream().filter(script -> script.standIn().isPresent())).hasSize(3);
            assertThat(existingFirst).singleElement().satisfies(script -> assertThat(script.standIn()).isEmpty());
            assertThat(existingRest).hasSize(3).allSatisfy(script -> assertThat(script.standIn()).isEmpty());
            assertThat(schema(existing, engine)).isEqualTo(schema(fresh, engine));
        }
    }

    /** Applies the packed module's pending migrations up to {@code target} and returns the scripts the run started. */
    private static List<ResolvedScript> up(Migrations migrations, TestDatabase database, String target) {
        List<ResolvedScript> started = new ArrayList<>();
        migrations.against(DatabaseTargets.fromUrl(database.url())).up(target, new MigrationProgress() {
            @Override
            public void starting(ResolvedScript script) {
                started.add(script);
            }
        });
        return started;
    }

    /**
     * A jar laid out as a module's jar is: up scripts under {@code db/huddle/<module>/<dialect>/}, down scripts under
     * {@code db/huddle-down/<module>/<dialect>/}, baselines under {@code db/huddle/<module>/squashed/<dialect>/}, and the
     * anchor class.
     */
    private static Path packModule(Path moduleDir, String module, Path jar) throws Exception {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Dialect dialect : Dialect.values()) {
                String folder = dialect.folderName();
                add(out, moduleDir.resolve(folder), "db/huddle/" + module + "/" + folder);
                add(out, moduleDir.resolve("down").resolve(folder), "db/huddle-down/" + module + "/" + folder);
                add(out, moduleDir.resolve("squashed").resolve(folder), ModuleDescriptor.squashedFolder(module, dialect));
            }
            String anchor = PackedModuleAnchor.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(anchor));
            try (InputStream bytes = PackedModuleAnchor.class.getClassLoader().getResourceAsStream(anchor)) {
                bytes.transferTo(out);
            }
            out.closeEntry();
        }
        return jar;
    }

    private static void add(JarOutputStream out, Path dir, String folder) throws Exception {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new JarEntry(folder + "/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }

    private static SchemaModel schema(TestDatabase database, Engine engine) throws Exception {
        try (Connection connection = database.connect()) {
            return SchemaReader.of(Scenarios.dialectOf(engine)).read(connection).withoutTables(Set.of("huddle_schema_history"));
        }
    }
}
