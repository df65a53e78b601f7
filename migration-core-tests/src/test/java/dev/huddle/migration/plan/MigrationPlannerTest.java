package dev.huddle.migration.plan;

import dev.huddle.migration.Interleaved;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.failure.HuddleFailure;
import dev.huddle.migration.failure.MigrationPlanRefusedException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.integrity.ManifestSealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class MigrationPlannerTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void ordersScriptsAcrossModulesByTimestamp(Dialect dialect) {
        MigrationPlan plan = plan("interleaved", dialect);

        assertThat(plan.migrations()).extracting(ResolvedScript::historyPath).containsExactlyElementsOf(Interleaved.scripts());
        assertThat(plan.migrations()).extracting(ResolvedScript::module).containsExactly("alpha", "beta", "alpha", "beta");
        assertThat(plan.modules()).containsExactly("alpha", "beta");
        assertThat(plan.dialect()).isEqualTo(dialect);
        assertThat(plan.excluded()).isEmpty();
        assertThat(plan.inMemoryTables()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void takesEachScriptFromTheRequestedDialectsFolder(Dialect dialect) {
        ResolvedScript first = plan("interleaved", dialect).migrations().get(0);

        assertThat(first.dialect()).isEqualTo(dialect);
        assertThat(first.origin()).contains(dialect.folderName());
        assertThat(first.sql()).contains(dialect == Dialect.POSTGRESQL ? "generated always as identity" : "autoincrement");
        assertThat(first.checksum()).isEqualTo(Checksum.of(first.sql()));
        assertThat(first.version()).isEqualTo("20250101000000");
        assertThat(first.readableDescription()).isEqualTo("create alpha items");
    }

    @Test
    void limitsThePlanToTheSelectedModules() {
        MigrationPlan plan = plan("interleaved", Dialect.SQLITE, "beta");

        assertThat(plan.modules()).containsExactly("beta");
        assertThat(plan.includesModule("alpha")).isFalse();
        assertThat(plan.migrations()).extracting(ResolvedScript::version).containsExactly("20250102000000", "20250104000000");
        assertThat(plan.find("20250101000000")).isEmpty();
        assertThat(plan.find("20250104000000")).get().extracting(ResolvedScript::module).isEqualTo("beta");
    }

    @Test
    void checksEveryModuleEvenWhenOnlySomeAreSelected() {
        assertThatThrownBy(() -> plan("missing-dialect", Dialect.POSTGRESQL, "alpha"))
                .isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("beta");
    }

    @Test
    void refusesAnUnknownModuleNamingTheKnownOnes() {
        assertThatThrownBy(() -> plan("interleaved", Dialect.POSTGRESQL, "alpha", "gamma"))
                .isInstanceOf(UnknownModuleException.class)
                .isInstanceOf(HuddleFailure.class)
                .hasMessageContaining("gamma")
                .hasMessageContaining("Known modules: alpha, beta");
    }

    @Test
    void refusesMalformedScriptNames() {
        List<String> problems = refusal("malformed-name").problems();

        assertThat(problems).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .startsWith("alpha: ")
                .contains("V2025_01_02__add_alpha_note.sql")
                .contains(ScriptName.EXPECTED_FORM));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("postgresql"))
                .anySatisfy(p -> assertThat(p).contains("sqlite"));
    }

    @Test
    void refusesOneVersionUsedByTwoModules() {
        List<String> problems = refusal("duplicate-version").problems();

        assertThat(problems).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("Version 20250101000000 is used 2 times")
                .contains("V20250101000000__create_alpha_items.sql (module alpha)")
                .contains("V20250101000000__create_beta_items.sql (module beta)"));
    }

    @Test
    void refusesOneVersionUsedTwiceInOneModule() {
        List<String> problems = refusal("duplicate-version-in-module").problems();

        assertThat(problems).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("Version 20250101000000 is used 2 times")
                .contains("create_alpha_items.sql (module alpha)")
                .contains("create_alpha_tags.sql (module alpha)"));
    }

    @Test
    void refusesAVersionMissingFromTheOtherDialect() {
        List<String> problems = refusal("missing-dialect").problems();

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem)
                .startsWith("beta: ")
                .contains("V20250103000000__index_beta_label.sql")
                .contains("has no sqlite counterpart")
                .contains("-- huddle:dialect-only"));
    }

    @Test
    void allowsAScriptMarkedDialectOnly() {
        assertThat(plan("dialect-only", Dialect.POSTGRESQL).migrations()).extracting(ResolvedScript::fileName)
                .containsExactly("V20250101000000__create_alpha_items.sql", "V20250102000000__index_alpha_names.sql");
        assertThat(plan("dialect-only", Dialect.SQLITE).migrations()).extracting(ResolvedScript::fileName)
                .containsExactly("V20250101000000__create_alpha_items.sql");
        assertThat(plan("dialect-only", Dialect.POSTGRESQL).migrations().get(1).directives().has(ScriptDirectives.DIALECT_ONLY))
                .isTrue();
    }

    @Test
    void refusesScriptsThatShapeAnInMemoryTableOfAnyModule() {
        List<String> problems = refusal("in-memory-guard").problems();

        assertThat(problems).hasSize(4);
        assertThat(problems).filteredOn(p -> p.startsWith("signaling: ")).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("V20250102000000__index_external_sessions.sql")
                .contains("CREATE INDEX ... ON external_sessions (line 1)")
                .contains("lives in memory only"));
        assertThat(problems).filteredOn(p -> p.startsWith("meetings: ")).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("V20250103000000__drop_legacy_tables.sql")
                .contains("DROP TABLE \"ExternalSessions\""));
        assertThat(problems).noneSatisfy(problem -> assertThat(problem).contains("create_rooms"));
    }

    @Test
    void listsExcludedScriptsWithoutPlanningThem() {
        MigrationPlan plan = plan("excluded", Dialect.SQLITE);

        assertThat(plan.migrations()).extracting(ResolvedScript::fileName).containsExactly("V20250101000000__create_alpha_items.sql");
        assertThat(plan.excluded()).singleElement().satisfies(excluded -> {
            assertThat(excluded.module()).isEqualTo("alpha");
            assertThat(excluded.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(excluded.fileName()).isEqualTo("V20250102000000__backfill_alpha_items.sql");
            assertThat(excluded.version()).isEqualTo("20250102000000");
            assertThat(excluded.description()).isEqualTo("backfill alpha items");
            assertThat(excluded.reason()).isEqualTo("Run by hand during the January outage");
        });
        assertThat(plan.inMemoryTables()).containsExactly(new InMemoryTable("alpha", "alpha_presence"));
    }

    @Test
    void refusesAnExclusionThatNamesNoFile() {
        List<String> problems = refusal("excluded-missing-file").problems();

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem)
                .startsWith("alpha excludes V20250109000000__never_shipped.sql")
                .contains("no such file"));
    }

    @Test
    void refusesTwoModulesWithOneName() {
        ModuleDescriptor alpha = ModuleDescriptor.inDirectory("alpha", Scenarios.path("interleaved").resolve("alpha")).build();
        ModuleDescriptor alphaAgain = ModuleDescriptor.inDirectory("alpha", Scenarios.path("interleaved").resolve("beta")).build();

        MigrationPlanRefusedException refused = catchThrowableOfType(MigrationPlanRefusedException.class,
                () -> new MigrationPlanner(List.of(alpha, alphaAgain)).checkedPlan(Dialect.POSTGRESQL, List.of()));

        assertThat(refused.problems()).first().asString().isEqualTo(
                "Module name alpha is declared 2 times (classpath and --modules-dir?). Give each module a unique name.");
    }

    @Test
    void refusalMessageCountsAndListsEveryProblem() {
        MigrationPlanRefusedException refused = refusal("in-memory-guard");

        assertThat(refused).hasMessageStartingWith("Migration plan refused, 4 problems (nothing was run):");
        refused.problems().forEach(problem -> assertThat(refused).hasMessageContaining(problem));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void attachesEachDownScriptOfTheDialectToItsMigration(Dialect dialect) {
        MigrationPlan plan = plan("reversible", dialect);

        assertThat(plan.migrations()).allSatisfy(migration -> assertThat(migration.reversible()).isTrue());
        assertThat(plan.migrations()).extracting(migration -> migration.down().fileName()).containsExactly(
                "U20250101000000__create_alpha_items.sql",
                "U20250102000000__create_beta_items.sql",
                "U20250103000000__add_alpha_note.sql",
                "U20250104000000__create_beta_links.sql",
                "U20250105000000__create_alpha_tags.sql");
        DownScript down = plan.find("20250103000000").orElseThrow().down();
        assertThat(down.sql()).isEqualTo(Scenarios.read(Scenarios.downScript(Scenarios.path("reversible"), "alpha", dialect,
                "U20250103000000__add_alpha_note.sql")));
        assertThat(down.origin()).contains("down", dialect.folderName());
        assertThat(plan.dependentsOf("alpha")).containsExactly("beta");
        assertThat(plan.dependentsOf("beta")).isEmpty();
    }

    @Test
    void plansAMigrationWithoutDownScriptAsIrreversible() {
        assertThat(plan("irreversible", Dialect.SQLITE).migrations()).extracting(ResolvedScript::fileName, ResolvedScript::reversible)
                .containsExactly(
                        tuple("V20250101000000__create_alpha_items.sql", true),
                        tuple("V20250102000000__backfill_alpha_names.sql", false),
                        tuple("V20250103000000__create_alpha_tags.sql", true));
    }

    @Test
    void refusesADownScriptThatRevertsNoMigration() {
        assertThat(downProblems("stray")).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("U20250109000000__create_stray_notes.sql reverts no migration")
                .contains("there is no V20250109000000__create_stray_notes.sql"))
                .noneSatisfy(problem -> assertThat(problem).contains("create_stray_items"));
    }

    @Test
    void refusesADownScriptWhoseDescriptionDiffersFromItsMigration() {
        assertThat(downProblems("mismatch")).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("U20250102000000__create_mismatch_item.sql does not match V20250102000000__create_mismatch_items.sql")
                .contains("Name it U20250102000000__create_mismatch_items.sql"));
    }

    @Test
    void refusesAMalformedDownScriptName() {
        assertThat(downProblems("malformed")).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("D20250103000000__create_malformed_items.sql is not a valid down script name")
                .contains(ScriptName.EXPECTED_DOWN_FORM))
                .anySatisfy(problem -> assertThat(problem).contains("postgresql"))
                .anySatisfy(problem -> assertThat(problem).contains("sqlite"));
    }

    @Test
    void refusesADownScriptMissingFromTheOtherDialect() {
        assertThat(downProblems("one-dialect")).singleElement().satisfies(problem -> assertThat(problem)
                .contains("postgresql", "U20250104000000__create_one_dialect_items.sql")
                .contains("has no sqlite counterpart")
                .contains("one-dialect/down/sqlite/U20250104000000__create_one_dialect_items.sql"));
    }

    @Test
    void refusesAMigrationMarkedIrreversibleThatHasADownScript() {
        assertThat(downProblems("marked")).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("V20250105000000__drop_marked_legacy.sql is marked irreversible but has the down script")
                .contains("U20250105000000__drop_marked_legacy.sql")
                .contains("Remove one of the two"));
    }

    @Test
    void refusesEveryBadDownScriptOfEveryModuleTogether() {
        MigrationPlanRefusedException refused = catchThrowableOfType(MigrationPlanRefusedException.class,
                () -> plan("bad-down-scripts", Dialect.SQLITE, "stray"));

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).hasSize(9);
        assertThat(refused).hasMessageStartingWith("Migration plan refused, 9 problems (nothing was run):");
    }

    @Test
    void refusesAnUpScriptWithNothingButCommentsInAModuleOfHuddlesOwn(@TempDir Path temp) {
        MigrationPlanRefusedException refused = catchThrowableOfType(MigrationPlanRefusedException.class,
                () -> new MigrationPlanner(ownModules("empty-scripts", temp)).checkedPlan(Dialect.POSTGRESQL, List.of()));

        assertThat(refused.problems()).filteredOn(p -> p.startsWith("blank-up: ")).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("V20250101000000__create_blank_items.sql is empty", "Write its change"));
    }

    @Test
    void acceptsAnEmptyUpScriptFromModulesDirAsANoOp() {
        MigrationPlanner planner = new MigrationPlanner(Scenarios.modules("empty-scripts"));
        List<ResolvedScript> blank = planner.plan(Dialect.SQLITE, List.of("blank-up")).migrations();

        assertThatCode(() -> planner.refuseBrokenScripts(blank)).doesNotThrowAnyException();
        assertThat(refusal("empty-scripts").problems()).noneSatisfy(problem -> assertThat(problem).startsWith("blank-up: "));
    }

    @Test
    void refusesAnUnwrittenCreateTemplateEvenFromModulesDir(@TempDir Path temp) {
        Path modules = Scenarios.copy("interleaved", temp);
        ScriptName name = new ScriptName("20250105000000", "add_alpha_colour");
        for (Dialect dialect : Dialect.values()) {
            Scenarios.write(Scenarios.script(modules, "alpha", dialect, name.upFileName()), ScriptTemplates.up(name, dialect));
        }

        assertThatThrownBy(() -> new MigrationPlanner(ModuleDiscovery.inDirectory(modules)).checkedPlan(Dialect.SQLITE, List.of()))
                .isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("V20250105000000__add_alpha_colour.sql is empty: it is still the template 'create' wrote");
    }

    @Test
    void refusesADownScriptWithNothingButCommentsAndSemicolons() {
        List<String> problems = refusal("empty-scripts").problems().stream().filter(p -> p.startsWith("blank-down: ")).toList();

        assertThat(problems).hasSize(2).allSatisfy(problem -> assertThat(problem)
                .contains("U20250102000000__create_blank_notes.sql is empty, so it reverts nothing", "-- huddle:irreversible <reason>"));
    }

    @Test
    void refusesAnUnmarkedStatementThatCannotRunInATransactionNamingItsLine() {
        assertThat(refusal("no-transaction-unmarked").problems()).singleElement().asString()
                .startsWith("alpha: ")
                .contains("postgresql", "V20250102000000__index_alpha_names.sql line 2 cannot run inside a transaction",
                        "'-- huddle:no-transaction <reason>'", "(create index concurrently alpha_items_name on alpha_items");
    }

    @Test
    void planToRunChecksNamesOnlyAndLeavesContentRulesToTheScriptsAboutToRun() {
        MigrationPlanner planner = new MigrationPlanner(Scenarios.modules("no-transaction-unmarked"));
        MigrationPlan plan = planner.plan(Dialect.POSTGRESQL, List.of());
        List<ResolvedScript> first = plan.migrations().subList(0, 1);
        List<ResolvedScript> second = plan.migrations().subList(1, 2);

        assertThatCode(() -> planner.refuseBrokenScripts(first)).as("an applied script's content is not checked again")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> planner.refuseBrokenScripts(second)).isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("V20250102000000__index_alpha_names.sql line 2 cannot run inside a transaction");
    }

    @Test
    void refusesEmptyScriptsAboutToRunAndScriptsTouchingAnInMemoryTable(@TempDir Path temp) {
        MigrationPlanner empty = new MigrationPlanner(ownModules("empty-scripts", temp));
        List<ResolvedScript> blank = empty.plan(Dialect.SQLITE, List.of("blank-up")).migrations();

        assertThatThrownBy(() -> empty.refuseBrokenScripts(blank)).isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("V20250101000000__create_blank_items.sql is empty");
        MigrationPlanner guarded = new MigrationPlanner(Scenarios.modules("in-memory-guard"));
        List<ResolvedScript> all = guarded.plan(Dialect.POSTGRESQL, List.of()).migrations();
        assertThatThrownBy(() -> guarded.refuseBrokenScripts(all)).isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("V20250102000000__index_external_sessions.sql runs CREATE INDEX ... ON")
                .hasMessageContaining("lives in memory only");
    }

    @Test
    void acceptsAStatementThatCannotRunInATransactionInAScriptMarkedWithAReason() {
        MigrationPlan plan = plan("no-transaction", Dialect.POSTGRESQL);

        assertThat(plan.find("20250102000000")).get().satisfies(script ->
                assertThat(script.directives().get(ScriptDirectives.NO_TRANSACTION)).isEqualTo("CREATE INDEX CONCURRENTLY cannot run inside a transaction"));
        assertThat(plan("no-transaction", Dialect.SQLITE).migrations()).extracting(ResolvedScript::version).containsExactly("20250101000000");
    }

    @Test
    void refusesAMarkerWithoutAReasonBeforeAStatementThatCannotRunInATransaction(@TempDir Path temp) {
        Path modules = Scenarios.copy("no-transaction-unmarked", temp);
        Path script = Scenarios.script(modules, "alpha", Dialect.POSTGRESQL, "V20250102000000__index_alpha_names.sql");
        Scenarios.write(script, Scenarios.read(script).replace("create index", "-- huddle:no-transaction\ncreate index"));

        assertThatThrownBy(() -> new MigrationPlanner(ModuleDiscovery.inDirectory(modules)).checkedPlan(Dialect.POSTGRESQL, List.of()))
                .isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("cannot run inside a transaction").hasMessageContaining("-- huddle:no-transaction <reason>");
    }

    @Test
    void refusesASealedScriptThatWasEditedOrDeleted(@TempDir Path temp) {
        Path modules = Scenarios.copy("interleaved", temp);
        Scenarios.sealer(temp, modules).seal(ModuleDiscovery.inDirectory(modules));
        Path edited = Scenarios.script(modules, "alpha", Dialect.SQLITE, "V20250101000000__create_alpha_items.sql");
        Scenarios.write(edited, Scenarios.read(edited).replace("name text", "title text"));
        Scenarios.writeInBothDialects(modules, "beta", "V20250105000000__create_beta_notes.sql", "create table beta_notes (id integer);\n");
        Scenarios.deleteInBothDialects(modules, "beta", "V20250104000000__create_beta_tags.sql");

        MigrationPlanRefusedException refused = catchThrowableOfType(MigrationPlanRefusedException.class,
                () -> new MigrationPlanner(ModuleDiscovery.inDirectory(modules)).checkedPlan(Dialect.POSTGRESQL, List.of()));

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).containsExactlyInAnyOrder(
                "alpha: sqlite/V20250101000000__create_alpha_items.sql was edited after it shipped (its SHA-256 differs from "
                        + "integrity.manifest). Restore it from version control and put the change in a new migration.",
                "beta: postgresql/V20250104000000__create_beta_tags.sql shipped (it is in integrity.manifest) but the file is gone. "
                        + "Restore it: shipped migrations are never deleted.",
                "beta: sqlite/V20250104000000__create_beta_tags.sql shipped (it is in integrity.manifest) but the file is gone. "
                        + "Restore it: shipped migrations are never deleted.");
    }

    @Test
    void plansUnsealedScriptsOfASealedModule(@TempDir Path temp) {
        Path modules = Scenarios.copy("interleaved", temp);
        Scenarios.sealer(temp, modules).seal(ModuleDiscovery.inDirectory(modules));
        Scenarios.writeInBothDialects(modules, "beta", "V20250105000000__create_beta_notes.sql", "create table beta_notes (id integer);\n");

        assertThat(new MigrationPlanner(ModuleDiscovery.inDirectory(modules)).checkedPlan(Dialect.SQLITE, List.of()).migrations()).hasSize(5);
    }

    @Test
    void refusesAClasspathScriptThatIsNotUtf8NamingItsLine() {
        MigrationPlanner planner = new MigrationPlanner(List.of(Scenarios.classpathModule("latin1").build()));

        assertThatThrownBy(() -> planner.checkedPlan(Dialect.SQLITE, List.of())).isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("latin1: classpath:db/huddle/latin1/sqlite/V20250101000000__create_latin1_items.sql line 1 is not "
                        + "UTF-8 (byte 0xE9");
        List<ResolvedScript> toRun = planner.plan(Dialect.POSTGRESQL, List.of()).migrations();
        assertThatThrownBy(() -> planner.refuseBrokenScripts(toRun)).isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("V20250101000000__create_latin1_items.sql line 1 is not UTF-8");
    }

    @Test
    void plansNothingWithoutModules() {
        MigrationPlan plan = new MigrationPlanner(List.of()).checkedPlan(Dialect.POSTGRESQL, List.of());

        assertThat(plan.migrations()).isEmpty();
        assertThat(plan.modules()).isEmpty();
    }

    /** The scenario's modules as modules of Huddle's own: laid out as sources under {@code project}, as a jar is built. */
    private static List<ModuleDescriptor> ownModules(String scenario, Path project) {
        Scenarios.sourceTree(scenario, project);
        return Scenarios.modules(scenario).stream()
                .map(module -> module.inSources(project.resolve(module.name()).resolve("src/main/resources")))
                .toList();
    }

    private static MigrationPlan plan(String scenario, Dialect dialect, String... selected) {
        return new MigrationPlanner(Scenarios.modules(scenario)).checkedPlan(dialect, List.of(selected));
    }

    /** The problems planning {@code bad-down-scripts} reports for one of its modules, each named after the module. */
    private static List<String> downProblems(String module) {
        List<String> problems = refusal("bad-down-scripts").problems().stream()
                .filter(problem -> problem.startsWith(module + ": "))
                .toList();
        assertThat(problems).as("problems of module %s", module).isNotEmpty();
        return problems;
    }

    private static MigrationPlanRefusedException refusal(String scenario) {
        MigrationPlanRefusedException refused = catchThrowableOfType(MigrationPlanRefusedException.class,
                () -> plan(scenario, Dialect.POSTGRESQL));
        assertThat(refused).as("plan of %s refused", scenario).isNotNull();
        return refused;
    }
}
