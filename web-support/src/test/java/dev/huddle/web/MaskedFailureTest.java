package dev.huddle.web;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedFailureTest {
    @Test
    void masksAUrlPasswordInEveryMessageOfTheChainAndKeepsClassesAndFrames() {
        SQLException driver = new SQLException("cannot reach postgresql://huddle:hunter2@db:5432/huddle?sslpassword=opensesame");
        IllegalStateException failure = new IllegalStateException("query failed at jdbc:postgresql://db/huddle?password=hunter2", driver);

        Throwable masked = MaskedFailure.of(failure);

        assertThat(masked.toString()).startsWith("java.lang.IllegalStateException: ").doesNotContain("hunter2");
        assertThat(masked.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(masked.getCause().toString()).startsWith("java.sql.SQLException: ").contains("db:5432")
                .doesNotContain("hunter2").doesNotContain("opensesame");
        assertThat(masked.getCause().getCause()).isNull();
    }

    @Test
    void copiesAChainThatLoopsBackOnItselfOnce() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        Throwable masked = MaskedFailure.of(first);

        assertThat(masked.getCause().getMessage()).endsWith("second");
        assertThat(masked.getCause().getCause()).isNull();
    }
}
