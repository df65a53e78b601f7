package dev.huddle.meetings;

import dev.huddle.meetings.MeetingsServer.Reply;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that spans two statements keeps nothing when the second fails in the database: ending a meeting stamps the
 * meeting, then marks its participants as gone, and a trigger that refuses that second update must leave the meeting
 * as it was. On both engines.
 */
class MeetingsAtomicWritesIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(MeetingsModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void endingAMeetingWhoseParticipantsUpdateFailsEndsNothing(Engine engine) throws Exception {
        try (MeetingsServer server = MeetingsServer.start(DATABASES.fresh(engine))) {
            String id = (String) json(server, server.send("POST", "/api/meetings",
                    "{\"roomName\":\"standup\",\"hostIdentity\":\"alice\"}")).get("id");
            assertThat(server.send("POST", "/api/meetings/" + id + "/participants", "{\"identity\":\"bob\"}").status())
                    .isEqualTo(200);
            refuseParticipantUpdates(server, engine);

            Reply end = server.send("POST", "/api/meetings/" + id + "/end", null);

            assertThat(end.status()).as(end.body()).isEqualTo(500);
            assertThat(json(server, server.send("GET", "/api/meetings/" + id, null)))
                    .containsEntry("status", "active").containsEntry("endedAt", null);
            assertThat(single(server, "SELECT count(*) FROM meetings WHERE ended_at IS NOT NULL")).isZero();
            assertThat(single(server, "SELECT count(*) FROM participants WHERE left_at IS NULL")).isOne();
        }
    }

    /** A trigger that fails every update of participants: the second statement of ending a meeting. */
    private static void refuseParticipantUpdates(MeetingsServer server, Engine engine) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            if (engine == Engine.POSTGRESQL) {
                statement.execute("CREATE FUNCTION test_refuse_update() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN RAISE EXCEPTION 'participants are frozen'; END $$");
                statement.execute("CREATE TRIGGER trg_test_refuse_update BEFORE UPDATE ON participants "
                        + "FOR EACH ROW EXECUTE FUNCTION test_refuse_update()");
            } else {
                statement.execute("CREATE TRIGGER trg_test_refuse_update BEFORE UPDATE ON participants "
                        + "BEGIN SELECT RAISE(ABORT, 'participants are frozen'); END");
            }
        }
    }

    private static long single(MeetingsServer server, String sql) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            return Queries.count(statement, sql);
        }
    }

    private static Map<String, Object> json(MeetingsServer server, Reply reply) throws IOException {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return server.context().getBean(JsonMapper.class).readValue(reply.body(), Argument.mapOf(String.class, Object.class));
    }
}
