package dev.huddle.app.migration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptText;
import dev.huddle.migration.plan.SquashedStandIn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The boot's migration log names a squashed baseline when it runs, and the baseline on each migration it applied. */
class BootMigrationLogTest {
    private static final List<String> VERSIONS = List.of("20250101000000", "20250102000000");
    private static final String BASELINE = "B20250102000000__squashed_baseline.sql";

    @Test
    void logsTheBaselineThatRanAndNamesItOnTheMigrationsItApplied() {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Logger logger = new LoggerContext().getLogger("boot");
        logger.addAppender(events);
        BootMigrationLog log = new BootMigrationLog(logger);

        log.starting(standIn("20250101000000", true));
        log.starting(standIn("20250102000000", false));
        log.starting(new ResolvedScript("shop", Dialect.SQLITE, "20250103000000", "add_note", "V20250103000000__add_note.sql", "here",
                "ALTER TABLE orders ADD COLUMN note TEXT;", null));
        log.committed(List.of(new MigrationStep("shop", "20250101000000", "create customers", 3),
                new MigrationStep("shop", "20250102000000", "create orders", 0), new MigrationStep("shop", "20250103000000", "add note", 1)));

        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Running the squashed baseline shop/" + BASELINE + " in place of 2 migrations: 20250101000000, 20250102000000",
                "Applied shop 20250101000000 create customers (3 ms) by " + BASELINE,
                "Applied shop 20250102000000 create orders (0 ms) by " + BASELINE,
                "Applied shop 20250103000000 add note (1 ms)");
        assertThat(fields(events.list.get(0))).containsEntry("event", "squashed-baseline").containsEntry("baseline", BASELINE)
                .containsEntry("versions", VERSIONS);
        assertThat(fields(events.list.get(2))).containsEntry("event", "migration").containsEntry("baseline", BASELINE);
        assertThat(fields(events.list.get(3))).containsEntry("event", "migration").doesNotContainKey("baseline");
    }

    private static ResolvedScript standIn(String version, boolean runsBaseline) {
        return new ResolvedScript("shop", Dialect.SQLITE, version, "original", "V" + version + "__original.sql", "classpath:baseline",
                ScriptText.standingIn(runsBaseline ? "CREATE TABLE customers (id INTEGER);" : "", 7,
                        new SquashedStandIn("shop", BASELINE, VERSIONS, runsBaseline)), null);
    }

    private static Map<String, Object> fields(ILoggingEvent event) {
        return event.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
    }
}
