package dev.huddle.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherFlagsTest {

    @Test
    void readsTheJvmFlagsOfTheLauncherItselfAndStopsBeforeTheUsersOwn() throws Exception {
        List<String> flags = Bench.launcherFlags(Path.of("../app/src/main/launcher/huddle-migrate"));

        assertThat(flags).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:CompileThresholdScaling=3")
                .allMatch(flag -> flag.startsWith("-"))
                .noneMatch(flag -> flag.contains("HUDDLE_MIGRATE_JAVA_OPTS"));
    }
}
