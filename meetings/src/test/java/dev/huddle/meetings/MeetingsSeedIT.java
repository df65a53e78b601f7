package dev.huddle.meetings;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.seed.SeedScripts;
import dev.huddle.migration.seed.Seeder;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's seed script on each engine, read back through the API: rows written by SQL (times from the
 * database's clock, JSON literals, enum labels) must read as the API's own rows do.
 */
class MeetingsSeedIT {
    private static final String PLANNING = "5eed0000-0000-4000-8000-000000000001";

    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(MeetingsModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seededMeetingsReadBackThroughTheApi(Engine engine) throws Exception {
        TestDatabase database = DATABASES.fresh(engine);
        Dialect dialect = engine == Engine.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL;
        List<ModuleDescriptor> meetings = List.of(new MeetingsModule().descriptor());
        try (Connection connection = database.connect()) {
            Seeder.SeedResult result = new Seeder(connection, dialect).seed(SeedScripts.find(meetings, dialect), false);
            assertThat(result.rows()).containsEntry("meetings", 3L).containsEntry("participants", 6L)
                    .containsEntry("recordings", 2L).containsEntry("analytics", 7L);
        }

        try (MeetingsServer server = MeetingsServer.start(database)) {
            JsonMapper json = server.context().getBean(JsonMapper.class);
            for (String status : List.of("scheduled", "active", "ended")) {
                Map<String, Object> page = json.readValue(server.send("GET", "/api/meetings?status=" + status, null).body(),
                        Argument.mapOf(String.class, Object.class));
                assertThat((List<?>) page.get("items")).as(status).hasSize(1);
            }
            Map<String, Object> summary = json.readValue(server.send("GET", "/api/meetings/" + PLANNING + "/summary", null).body(),
                    Argument.mapOf(String.class, Object.class));
            assertThat(summary).containsEntry("participants", 3).containsEntry("present", 0)
                    .containsEntry("durationSeconds", 2700)
                    .containsEntry("eventsByType", Map.of("participant_joined", 2, "recording_started", 1, "track_muted", 1));
            String recordings = server.send("GET", "/api/meetings/" + PLANNING + "/recordings", null).body();
            assertThat(recordings).contains("\"status\":\"complete\"", "\"sizeBytes\":734003200");
        }
    }
}
