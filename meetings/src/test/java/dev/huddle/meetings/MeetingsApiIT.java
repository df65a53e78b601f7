package dev.huddle.meetings;

import dev.huddle.meetings.MeetingsServer.Reply;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The meetings HTTP API over each engine, with the same code: meetings, participants, recordings, analytics. */
class MeetingsApiIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(MeetingsModule.NAME);

    private MeetingsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createsInstantAndScheduledMeetingsAndReadsThemBack(Engine engine) {
        server = MeetingsServer.start(DATABASES.fresh(engine));
        Map<String, Object> instant = created(post("/api/meetings",
                "{\"roomName\":\"standup\",\"title\":\"Daily\",\"hostIdentity\":\"alice\",\"invitedParticipants\":[\"bob\",\"carol\"]}"));
        assertThat(instant).containsEntry("status", "active").containsEntry("roomName", "standup")
                .containsEntry("invitedParticipants", List.of("bob", "carol"));
        assertThat(instant.get("startedAt")).isNotNull();

        Map<String, Object> scheduled = created(post("/api/meetings",
                "{\"roomName\":\"review\",\"hostIdentity\":\"bob\",\"scheduledAt\":\"2030-01-02T03:04:05.678Z\"}"));
        assertThat(scheduled).containsEntry("status", "scheduled").containsEntry("scheduledAt", "2030-01-02T03:04:05.678Z")
                .containsEntry("startedAt", null).containsEntry("invitedParticipants", List.of());

        assertThat(ok(get("/api/meetings/" + instant.get("id")))).isEqualTo(instant);
        assertThat(ok(get("/api/meetings/" + scheduled.get("id")))).isEqualTo(scheduled);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsByStatusAndTimeRangeInCursorPages(Engine engine) {
        server = MeetingsServer.start(DATABASES.fresh(engine));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add((String) created(post("/api/meetings", "{\"roomName\":\"room" + i + "\",\"hostIdentity\":\"h\"}")).get("id"));
        }
        String later = (String) created(post("/api/meetings",
                "{\"roomName\":\"later\",\"hostIdentity\":\"h\",\"scheduledAt\":\"2031-05-01T10:00:00Z\"}")).get("id");
        ok(post("/api/meetings/" + ids.get(0) + "/end", null));

        assertThat(itemIds(ok(get("/api/meetings?status=active")))).containsExactlyInAnyOrderElementsOf(ids.subList(1, 5));
        assertThat(itemIds(ok(get("/api/meetings?status=ended")))).containsExactly(ids.get(0));
        assertThat(itemIds(ok(get("/api/meetings?status=scheduled&from=2031-01-01T00:00:00Z&to=2032-01-01T00:00:00Z"))))
                .containsExactly(later);
        assertThat(itemIds(ok(get("/api/meetings?from=2031-05-01T10:00:00.001Z")))).isEmpty();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = ok(get("/api/meetings?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            paged.addAll(itemIds(page));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).hasSize(6).doesNotHaveDuplicates().containsAll(ids).contains(later);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void updatesThenEndsAMeetingAndEveryoneLeavesWithIt(Engine engine) throws SQLException {
        server = MeetingsServer.start(DATABASES.fresh(engine));
        String id = (String) created(post("/api/meetings", "{\"roomName\":\"r\",\"hostIdentity\":\"alice\"}")).get("id");
        Map<String, Object> updated = ok(patch("/api/meetings/" + id, "{\"title\":\"Planning\",\"invitedParticipants\":[\"dave\"]}"));
        assertThat(updated).containsEntry("title", "Planning").containsEntry("invitedParticipants", List.of("dave"));
        ok(post("/api/meetings/" + id + "/participants", "{\"identity\":\"alice\"}"));
        ok(post("/api/meetings/" + id + "/participants", "{\"identity\":\"bob\"}"));

        Map<String, Object> ended = ok(post("/api/meetings/" + id + "/end", null));
        assertThat(ended).containsEntry("status", "ended").containsEntry("title", "Planning");
        assertThat(count("SELECT count(*) FROM participants WHERE left_at IS NULL")).isZero();

        assertThat(post("/api/meetings/" + id + "/end", null).status()).isEqualTo(409);
        assertThat(patch("/api/meetings/" + id, "{\"title\":\"x\"}").status()).isEqualTo(409);
        assertThat(post("/api/meetings/" + id + "/participants", "{\"identity\":\"carol\"}").status()).isEqualTo(409);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aParticipantWhoRejoinsKeepsTheirRow(Engine engine) throws SQLException {
        server = MeetingsServer.start(DATABASES.fresh(engine));
        String id = (String) created(post("/api/meetings", "{\"roomName\":\"r\",\"hostIdentity\":\"alice\"}")).get("id");
        Map<String, Object> first = ok(post("/api/meetings/" + id + "/participants", "{\"identity\":\"bob\",\"name\":\"Bob\"}"));
        Map<String, Object> left = ok(post("/api/meetings/" + id + "/participants/bob/leave", null));
        assertThat(left).containsEntry("present", false).containsEntry("id", first.get("id"));
        assertThat(left.get("leftAt")).isNotNull();

        Map<String, Object> back = ok(post("/api/meetings/" + id + "/participants", "{\"identity\":\"bob\"}"));
        assertThat(back).containsEntry("id", first.get("id")).containsEntry("name", "Bob").containsEntry("present", true)
                .containsEntry("leftAt", null);
        assertThat(count("SELECT count(*) FROM participants")).isEqualTo(1);
        assertThat(list(get("/api/meetings/" + id + "/participants"))).hasSize(1);
        assertThat(post("/api/meetings/" + id + "/participants/nobody/leave", null).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordingsStartThenCompleteOrFailOnce(Engine engine) {
        server = MeetingsServer.start(DATABASES.fresh(engine));
        String id = (String) created(post("/api/meetings", "{\"roomName\":\"r\",\"hostIdentity\":\"alice\"}")).get("id");
        Map<String, Object> one = created(post("/api/meetings/" + id + "/recordings", "{\"egressId\":\"EG_1\"}"));
        Map<String, Object> two = created(post("/api/meetings/" + id + "/recordings", "{\"egressId\":\"EG_2\"}"));
        assertThat(one).containsEntry("status", "active").containsEntry("egressId", "EG_1");

        Map<String, Object> done = ok(post("/api/recordings/" + one.get("id") + "/complete",
                "{\"storagePath\":\"s3://rec/1.mp4\",\"sizeBytes\":5000000000}"));
        assertThat(done).containsEntry("status", "complete").containsEntry("storagePath", "s3://rec/1.mp4")
                .containsEntry("sizeBytes", 5_000_000_000L);
        assertThat(ok(post("/api/recordings/" + two.get("id") + "/fail", "{}"))).containsEntry("status", "failed");

        assertThat(post("/api/recordings/" + one.get("id") + "/fail", "{}").status()).isEqualTo(409);
        assertThat(post("/api/recordings/" + two.get("id") + "/complete", "{\"storagePath\":\"p\"}").status()).isEqualTo(400);
        assertThat(list(get("/api/meetings/" + id + "/recordings"))).extracting(recording -> recording.get("status"))
                .containsExactly("complete", "failed");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void summarisesParticipantsDurationAndEventsByType(Engine engine) {
        server = MeetingsServer.start(DATABASES.fresh(engine));
        String id = (String) created(post("/api/meetings", "{\"roomName\":\"r\",\"hostIdentity\":\"alice\"}")).get("id");
        String alice = (String) ok(post("/api/meetings/" + id + "/participants", "{\"identity\":\"alice\"}")).get("id");
        ok(post("/api/meetings/" + id + "/participants", "{\"identity\":\"bob\"}"));
        ok(post("/api/meetings/" + id + "/participants/bob/leave", null));
        for (String type : List.of("mute", "mute", "chat")) {
            created(post("/api/meetings/" + id + "/analytics",
                    "{\"eventType\":\"" + type + "\",\"participantId\":\"" + alice + "\",\"payload\":{\"n\":1,\"tags\":[\"a\"]}}"));
        }
        created(post("/api/meetings/" + id + "/analytics", "{\"eventType\":\"recording_started\"}"));
        assertThat(post("/api/meetings/" + id + "/analytics",
                "{\"eventType\":\"mute\",\"participantId\":\"" + UUID.randomUUID() + "\"}").status()).isEqualTo(400);
        ok(post("/api/meetings/" + id + "/end", null));

        Map<String, Object> summary = ok(get("/api/meetings/" + id + "/summary"));
        assertThat(summary).containsEntry("status", "ended").containsEntry("participants", 2).containsEntry("present", 0)
                .containsEntry("eventsByType", Map.of("chat", 1, "mute", 2, "recording_started", 1));
        assertThat(((Number) summary.get("durationSeconds")).longValue()).isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesBadRequestsWithAMessageAndWritesNothing(Engine engine) throws SQLException {
        server = MeetingsServer.start(DATABASES.fresh(engine));
        String id = (String) created(post("/api/meetings", "{\"roomName\":\"r\",\"hostIdentity\":\"alice\"}")).get("id");

        assertRefused(get("/api/meetings/not-a-uuid"), 400, "meetingId 'not-a-uuid' is not a UUID");
        assertRefused(get("/api/meetings/" + UUID.randomUUID()), 404, "No meeting has id");
        assertRefused(post("/api/meetings/" + UUID.randomUUID() + "/participants", "{\"identity\":\"alice\"}"), 404,
                "No meeting has id");
        assertRefused(post("/api/meetings", "{\"title\":\"no room\"}"), 400, "roomName is missing");
        assertRefused(post("/api/meetings", "{\"roomName\":\"r\",\"hostIdentity\":\"h\",\"scheduledAt\":\"tomorrow\"}"),
                400, "not an ISO-8601");
        assertRefused(post("/api/meetings", "{\"roomName\":\"r\",\"hostIdentity\":\"h\",\"invitedParticipants\":[\"ok\",\" \"]}"),
                400, "invitedParticipants[]");
        assertRefused(post("/api/meetings", "{not json"), 400, "not the JSON object");
        assertRefused(post("/api/meetings", null), 400, "roomName is missing");
        assertRefused(get("/api/meetings?status=paused"), 400, "Unknown meeting status 'paused'");
        assertRefused(get("/api/meetings?cursor=%21%21"), 400, "is not one this API returned");
        assertRefused(get("/api/meetings?limit=0"), 400, "out of range");
        String huge = "{\"roomName\":\"r\",\"hostIdentity\":\"h\",\"title\":\"" + "x".repeat(70_000) + "\"}";
        assertRefused(post("/api/meetings", huge), 400, "at most 65536");
        assertRefused(post("/api/meetings/" + id + "/participants", "{\"name\":\"nobody\"}"), 400, "identity is missing");
        assertRefused(post("/api/meetings/" + id + "/recordings", "{}"), 400, "egressId is missing");
        assertRefused(post("/api/recordings/" + UUID.randomUUID() + "/complete", "{\"storagePath\":\"p\",\"sizeBytes\":1}"),
                404, "No recording has id");
        assertRefused(post("/api/meetings/" + id + "/analytics", "{\"payload\":{}}"), 400, "eventType is missing");

        assertThat(count("SELECT count(*) FROM meetings")).isEqualTo(1);
        for (String table : List.of("participants", "recordings", "analytics")) {
            assertThat(count("SELECT count(*) FROM " + table)).as(table).isZero();
        }
    }

    private void assertRefused(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        Map<String, Object> refusal = json(reply.body());
        assertThat(refusal).containsEntry("reason", status == 404 ? "not_found" : "invalid_request");
        assertThat((String) refusal.get("message")).contains(message);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            return Queries.count(statement, sql);
        }
    }

    private Reply get(String path) {
        return server.send("GET", path, null);
    }

    private Reply post(String path, String body) {
        return server.send("POST", path, body);
    }

    private Reply patch(String path, String body) {
        return server.send("PATCH", path, body);
    }

    private Map<String, Object> ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return json(reply.body());
    }

    private Map<String, Object> created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return json(reply.body());
    }

    private List<Map<String, Object>> list(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        try {
            return server.context().getBean(JsonMapper.class).readValue(reply.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> itemIds(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }

    private Map<String, Object> json(String body) {
        try {
            return server.context().getBean(JsonMapper.class).readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
