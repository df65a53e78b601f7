package dev.huddle.migration.connect;

import dev.huddle.migration.discover.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://huddle:topsecret@localhost:5432/huddle",
            "postgres://huddle:topsecret@localhost/huddle?sslmode=require",
            "jdbc:postgresql://localhost/huddle?user=huddle&password=topsecret",
            "jdbc:postgresql://localhost/huddle?password=topsecret&user=huddle",
            "jdbc:postgresql://localhost/huddle?PASSWORD=topsecret",
    })
    void neverShowsThePassword(String url) {
        DatabaseTarget target = DatabaseTargets.fromUrl(url);

        assertThat(target.password()).isEqualTo("topsecret");
        assertThat(target.toString()).doesNotContain("topsecret").startsWith("jdbc:postgresql://localhost");
    }

    @Test
    void namesTheUrlAndTheUser() {
        assertThat(DatabaseTargets.fromUrl("postgresql://huddle:topsecret@localhost:5432/huddle"))
                .hasToString("jdbc:postgresql://localhost:5432/huddle as huddle");
        assertThat(DatabaseTargets.fromUrl("jdbc:sqlite:./data/huddle.db")).hasToString("jdbc:sqlite:./data/huddle.db");
    }

    @Test
    void masksAPasswordLeftInTheJdbcUrl() {
        DatabaseTarget target = new DatabaseTarget(Dialect.POSTGRESQL, "jdbc:postgresql://localhost/huddle?password=topsecret", null, null);

        assertThat(target.toString()).doesNotContain("topsecret").contains("password=***");
    }

    @Test
    void neverShowsASecretParameter() {
        DatabaseTarget target = DatabaseTargets.fromUrl("jdbc:postgresql://localhost/huddle?sslpassword=topsecret&sslmode=require");

        assertThat(target.toString()).doesNotContain("topsecret").isEqualTo("jdbc:postgresql://localhost/huddle?sslmode=require");
        assertThat(new DatabaseTarget(Dialect.POSTGRESQL, "jdbc:postgresql://localhost/huddle?sslpassword=topsecret", null, null))
                .hasToString("jdbc:postgresql://localhost/huddle?sslpassword=***");
    }

    @Test
    void findsTheSqliteFileBehindTheUrlForms() {
        assertThat(sqliteFile("jdbc:sqlite:/data/huddle.db")).isEqualTo(Path.of("/data/huddle.db"));
        assertThat(sqliteFile("jdbc:sqlite:file:/data/huddle.db?mode=rwc")).isEqualTo(Path.of("/data/huddle.db"));
        assertThat(sqliteFile("jdbc:sqlite:data/huddle.db")).isEqualTo(Path.of("data/huddle.db"));
        assertThat(sqliteFile("jdbc:sqlite::memory:")).isNull();
        assertThat(sqliteFile("jdbc:sqlite:file::memory:?cache=shared")).isNull();
        assertThat(sqliteFile("jdbc:sqlite:file:memdb1?mode=memory&cache=shared")).isNull();
        assertThat(DatabaseTargets.fromUrl("postgresql://h/db").sqliteFile()).isNull();
    }

    private static Path sqliteFile(String url) {
        return DatabaseTargets.fromUrl(url).sqliteFile();
    }
}
