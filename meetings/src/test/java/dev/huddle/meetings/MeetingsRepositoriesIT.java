package dev.huddle.meetings;

import dev.huddle.meetings.meeting.Meeting;
import dev.huddle.meetings.meeting.MeetingRepository;
import dev.huddle.meetings.participant.Participant;
import dev.huddle.meetings.participant.ParticipantJoins;
import dev.huddle.meetings.participant.ParticipantRepository;
import dev.huddle.meetings.recording.Recording;
import dev.huddle.meetings.recording.RecordingRepository;
import dev.huddle.meetings.recording.RecordingStatus;
import dev.huddle.meetings.sql.ColumnValues;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The repositories alone, the same code on each engine: what they store reads back equal, and the upsert keeps one row. */
class MeetingsRepositoriesIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(MeetingsModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void entitiesReadBackEqualWithTheirUuidsTimesJsonAndEnum(Engine engine) throws Exception {
        TestDatabase database = DATABASES.fresh(engine);
        try (ApplicationContext context = ApplicationContext.run(Map.of("huddle.database.url", database.url()))) {
            Instant now = ColumnValues.now();
            Meeting meeting = new Meeting(UUID.randomUUID(), "room", "Title", "host", now.plusSeconds(3600), null, null, now, now,
                    "[\"bob\"]");
            context.getBean(MeetingRepository.class).save(meeting);
            assertThat(context.getBean(MeetingRepository.class).findById(meeting.id())).contains(meeting);

            Recording recording = new Recording(UUID.randomUUID(), meeting.id(), "EG_1", RecordingStatus.COMPLETE, "p", 5_000_000_000L,
                    now, now.plusSeconds(60), now);
            context.getBean(RecordingRepository.class).save(recording);
            assertThat(context.getBean(RecordingRepository.class).findByMeetingIdOrderByCreatedAt(meeting.id())).containsExactly(recording);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(Queries.text(statement, "SELECT status FROM recordings")).isEqualTo("complete");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRejoinUpdatesTheOneRowOfItsIdentity(Engine engine) {
        TestDatabase database = DATABASES.fresh(engine);
        try (ApplicationContext context = ApplicationContext.run(Map.of("huddle.database.url", database.url()))) {
            Instant start = ColumnValues.now();
            UUID meeting = UUID.randomUUID();
            context.getBean(MeetingRepository.class).save(new Meeting(meeting, "room", "", "host", null, start, null, start, start, "[]"));
            ParticipantRepository participants = context.getBean(ParticipantRepository.class);
            ParticipantJoins joins = context.getBean(ParticipantJoins.class);

            joins.join(UUID.randomUUID(), meeting, "alice", "Alice", start);
            Participant first = participants.findByMeetingIdAndIdentity(meeting, "alice").orElseThrow();
            assertThat(participants.leave(meeting, "alice", start.plusSeconds(10))).isEqualTo(1);
            assertThat(joins.join(UUID.randomUUID(), meeting, "alice", null, start.plusSeconds(20))).contains(
                    new Participant(first.id(), meeting, "alice", "Alice", start.plusSeconds(20), null));

            Participant back = participants.findByMeetingIdAndIdentity(meeting, "alice").orElseThrow();
            assertThat(back).isEqualTo(new Participant(first.id(), meeting, "alice", "Alice", start.plusSeconds(20), null));
            joins.join(UUID.randomUUID(), meeting, "bob", null, start);
            assertThat(participants.leaveAll(meeting, start.plusSeconds(30))).isEqualTo(2);
            assertThat(participants.findByMeetingIdOrderByJoinedAt(meeting)).extracting(Participant::identity)
                    .containsExactly("bob", "alice");
        }
    }
}
