package dev.huddle.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestValuesTest {
    @Test
    void acceptsCanonicalValuesAndStripsText() {
        UUID id = UUID.randomUUID();
        assertThat(RequestValues.uuid(id.toString(), "meetingId")).isEqualTo(id);
        assertThat(RequestValues.text("  lobby ", "name", 10)).isEqualTo("lobby");
        assertThat(RequestValues.optionalText(null, "title", 10)).isNull();
        assertThat(RequestValues.optionalInstant("2026-12-01T09:30:00.123456Z", "at")).isEqualTo(Instant.parse("2026-12-01T09:30:00.123Z"));
        assertThat(RequestValues.wholeNumber(null, "size", 1, 100, 20)).isEqualTo(20);
        assertThat(RequestValues.flag("true", "includeClosed")).isTrue();
    }

    @Test
    void refusesWithA400NamingTheFieldTheValueAndWhatToSend() {
        assertRefused(() -> RequestValues.uuid("0-0-0-0-0", "meetingId"), "meetingId '0-0-0-0-0' is not a UUID; send one");
        assertRefused(() -> RequestValues.text(" ", "roomName", 10), "roomName is missing or blank");
        assertRefused(() -> RequestValues.text("x".repeat(11), "roomName", 10), "roomName has 11 characters; at most 10");
        assertRefused(() -> RequestValues.optionalInstant("tomorrow", "scheduledAt"), "scheduledAt 'tomorrow' is not an ISO-8601");
        assertRefused(() -> RequestValues.wholeNumber("0", "size", 1, 100, 20), "size is 0; send 1 to 100.");
        assertRefused(() -> RequestValues.flag("yes", "includeClosed"), "send true or false");
    }

    private static void assertRefused(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(RequestProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.reason()).isEqualTo(RequestProblem.INVALID_REQUEST);
            assertThat(problem.getMessage()).contains(message);
        });
    }
}
