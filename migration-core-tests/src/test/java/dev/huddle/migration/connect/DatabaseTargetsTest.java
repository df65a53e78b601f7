package dev.huddle.migration.connect;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.HuddleFailure;
import dev.huddle.migration.failure.InvalidDatabaseUrlException;
import dev.huddle.migration.failure.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatabaseTargetsTest {

    @Test
    void movesCredentialsOutOfAPostgresqlUrl() {
        DatabaseTarget target = DatabaseTargets.fromUrl("postgresql://huddle:topsecret@db.internal:5432/huddle");

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.POSTGRESQL, "jdbc:postgresql://db.internal:5432/huddle", "huddle", "topsecret"));
    }

    @Test
    void acceptsThePostgresSchemeWithoutPort() {
        DatabaseTarget target = DatabaseTargets.fromUrl("postgres://huddle:topsecret@db.internal/huddle");

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.POSTGRESQL, "jdbc:postgresql://db.internal/huddle", "huddle", "topsecret"));
    }

    @Test
    void movesUserAndPasswordParametersOutOfAJdbcUrlAndKeepsTheOthers() {
        DatabaseTarget target = DatabaseTargets.fromUrl(
                "jdbc:postgresql://db.internal:5432/huddle?user=huddle&sslmode=require&password=topsecret&ApplicationName=huddle");

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.POSTGRESQL,
                "jdbc:postgresql://db.internal:5432/huddle?sslmode=require&ApplicationName=huddle", "huddle", "topsecret"));
    }

    @Test
    void acceptsAJdbcUrlWithoutCredentials() {
        DatabaseTarget target = DatabaseTargets.fromUrl("jdbc:postgresql://localhost/huddle");

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.POSTGRESQL, "jdbc:postgresql://localhost/huddle", null, null));
    }

    @Test
    void acceptsUserWithoutPassword() {
        DatabaseTarget target = DatabaseTargets.fromUrl("postgresql://huddle@localhost:5432/huddle");

        assertThat(target.user()).isEqualTo("huddle");
        assertThat(target.password()).isNull();
    }

    @Test
    void acceptsSchemesInAnyCaseAndSurroundingSpace() {
        DatabaseTarget target = DatabaseTargets.fromUrl("  PostgreSQL://huddle:topsecret@localhost:5432/huddle \n");

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.POSTGRESQL, "jdbc:postgresql://localhost:5432/huddle", "huddle", "topsecret"));
    }

    @Test
    void keepsASqliteUrlAsItIs() {
        DatabaseTarget target = DatabaseTargets.fromUrl("jdbc:sqlite:/var/lib/huddle/huddle.db");

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.SQLITE, "jdbc:sqlite:/var/lib/huddle/huddle.db", null, null));
        assertThat(target.sqliteFile()).isEqualTo(Path.of("/var/lib/huddle/huddle.db"));
    }

    @Test
    void decodesPercentEncodedCredentials() {
        DatabaseTarget target = DatabaseTargets.fromUrl("postgresql://hud%40dle:p%40ss%3Aw%2Fo%23rd%25%20x@localhost/huddle");

        assertThat(target.user()).isEqualTo("hud@dle");
        assertThat(target.password()).isEqualTo("p@ss:w/o#rd% x");
    }

    @Test
    void keepsAPlusInAPasswordAsAPlus() {
        assertThat(DatabaseTargets.fromUrl("postgresql://huddle:a+b@localhost/huddle").password()).isEqualTo("a+b");
        assertThat(DatabaseTargets.fromUrl("postgresql://huddle:a%2Bb@localhost/huddle").password()).isEqualTo("a+b");
        assertThat(DatabaseTargets.fromUrl("jdbc:postgresql://localhost/huddle?user=huddle&password=a+b").password()).isEqualTo("a+b");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://huddle:topsecret@localhost:3306/huddle",
            "jdbc:mysql://localhost/huddle?user=huddle&password=topsecret",
            "jdbc:sqlite:",
            "postgresql://huddle:topsecret@localhost:5432",
            "postgresql://huddle:topsecret@localhost:5432/",
            "postgresql://huddle:topsecret@/huddle",
            "postgresql://huddle:topsecret@localhost:port/huddle",
            "postgresql://huddle:top%zzsecret@localhost/huddle",
            "postgresql://huddle:top/secret@localhost/huddle",
            "postgresql://huddle:top#secret@localhost/huddle",
            "jdbc:postgresql://localhost?user=huddle&password=topsecret",
            "",
    })
    void refusesUnusableUrlsWithoutShowingThePassword(String url) {
        InvalidDatabaseUrlException refused = catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseTargets.fromUrl(url));

        assertThat(refused).isNotNull().isInstanceOf(HuddleFailure.class);
        assertThat(refused.getMessage()).doesNotContain("topsecret").doesNotContain("secret@").contains(DatabaseTargets.ACCEPTED_FORMS);
    }

    @Test
    void refusalNamesTheUrlWithItsPasswordMasked() {
        assertThatThrownBy(() -> DatabaseTargets.fromUrl("mysql://huddle:topsecret@localhost/huddle"))
                .hasMessageStartingWith("Database URL 'mysql://huddle:***@localhost/huddle' cannot be used: its scheme is not supported.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://huddle:top@secret@db.internal:5432/huddle", "jdbc:postgresql://huddle:p@ss@db.internal/huddle",
            "postgres://huddle:p@ss@db.internal/huddle?sslmode=require"})
    void anUnencodedAtSignInThePasswordIsNamedWithoutShowingThePassword(String url) {
        assertThatThrownBy(() -> DatabaseTargets.fromUrl(url))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("cannot be used: its user name or password holds an unencoded '@' (percent-encode it as %40).")
                .hasMessageContaining("huddle:***@db.internal")
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("top@").doesNotContain("p@ss").doesNotContain("secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://huddle:top#secret@db.internal:5432/huddle", "postgresql://huddle:topsecret@db.internal/huddle#x"})
    void anUnencodedHashIsNamedWithoutShowingThePassword(String url) {
        assertThatThrownBy(() -> DatabaseTargets.fromUrl(url))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("cannot be used: it holds an unencoded '#' (in a password or parameter, percent-encode it as %23).")
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql:huddle", "jdbc:postgresql:/huddle"})
    void theShortFormWithoutAHostIsNamedWithTheUrlToWriteInstead(String url) {
        assertThatThrownBy(() -> DatabaseTargets.fromUrl(url))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("Database URL '" + url + "' cannot be used: it is the short form without a host; write "
                        + "jdbc:postgresql://localhost:5432/huddle to name the server.");
    }

    @Test
    void theShortFormIsShownWithoutItsParameters() {
        assertThatThrownBy(() -> DatabaseTargets.fromUrl("jdbc:postgresql:huddle?password=topsecret"))
                .hasMessageStartingWith("Database URL 'jdbc:postgresql:huddle?...' cannot be used: it is the short form")
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("topsecret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://huddle:top secret@localhost/huddle",
            "huddle:topsecret@localhost/huddle",
    })
    void refusesUrlsThatMaskingDoesNotRecognise(String url) {
        InvalidDatabaseUrlException refused = catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseTargets.fromUrl(url));

        assertThat(refused).isNotNull().hasMessageContaining("cannot be used");
        assertThat(refused.getMessage()).doesNotContain("secret");
    }

    @Test
    void movesSecretParametersOutOfTheUrlDecoded() {
        DatabaseTarget target = DatabaseTargets.fromUrl("jdbc:postgresql://db.internal/huddle?sslmode=verify-full"
                + "&sslkey=/keys/client.pk8&sslpassword=Pw1ab%40Pw2cd%23Pw3ef%20Pw4gh&sslfactoryarg=Pw5ij&user=huddle");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/huddle?sslmode=verify-full&sslkey=/keys/client.pk8");
        assertThat(target.secretParameters()).isEqualTo(Map.of("sslpassword", "Pw1ab@Pw2cd#Pw3ef Pw4gh", "sslfactoryarg", "Pw5ij"));
        assertThat(target.toString()).isEqualTo("jdbc:postgresql://db.internal/huddle?sslmode=verify-full&sslkey=/keys/client.pk8 as huddle");
        assertThat(target.secrets()).containsExactlyInAnyOrder("Pw1ab@Pw2cd#Pw3ef Pw4gh", "Pw5ij");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://huddle:Pw1ab@Pw2cd@localhost/huddle",
            "postgresql://huddle:Pw1ab#Pw2cd@localhost/huddle",
            "postgresql://huddle:Pw1ab@Pw2cd#Pw3ef@localhost/huddle",
            "postgresql://huddle:Pw1ab;Pw2cd/Pw3ef?Pw4gh@localhost/huddle",
            "postgresql://huddle:Pw1ab Pw2cd@localhost/huddle",
            "postgresql://huddle:Pw1ab%Pw2cd@localhost/huddle",
            "postgresql://huddle:Pw1ab:Pw2cd@localhost:port/huddle",
            "jdbc:postgresql://localhost/huddle?sslpassword=Pw1ab#Pw2cd",
            "jdbc:postgresql://localhost?sslpassword=Pw1ab&password=Pw2cd",
            "mysql://huddle:Pw1ab@Pw2cd@localhost/huddle",
    })
    void aMalformedUrlIsRefusedWithoutAnyPartOfItsSecrets(String url) {
        InvalidDatabaseUrlException refused = catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseTargets.fromUrl(url));

        assertThat(refused).as(url).isNotNull();
        assertThat(List.of("Pw1ab", "Pw2cd", "Pw3ef", "Pw4gh")).allSatisfy(piece -> assertThat(refused.getMessage()).doesNotContain(piece));
    }

    @Test
    void aPasswordEqualToTheSchemeOrHostLeavesTheUrlReadable() {
        InvalidDatabaseUrlException refused = catchThrowableOfType(InvalidDatabaseUrlException.class,
                () -> DatabaseTargets.fromUrl("postgresql://postgres:postgres@postgres/"));

        assertThat(refused.getMessage()).startsWith("Database URL 'postgresql://postgres:***@postgres/' cannot be used: it names no database.");
    }

    @Test
    void socketTimeoutComesFromTheEnvironmentUnlessTheUrlSetsIt() {
        Map<String, String> environment = Map.of("HUDDLE_DATABASE_SOCKET_TIMEOUT", "2h");

        assertThat(DatabaseTargets.resolve("postgresql://h/db", environment).jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?socketTimeout=7200");
        assertThat(DatabaseTargets.resolve("postgresql://h/db?sslmode=require", Map.of("HUDDLE_DATABASE_SOCKET_TIMEOUT", "0")).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h/db?sslmode=require&socketTimeout=0");
        assertThat(DatabaseTargets.resolve("postgresql://h/db?socketTimeout=60", environment).jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?socketTimeout=60");
        assertThat(DatabaseTargets.resolve("jdbc:sqlite:/tmp/x.db", environment).jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db");
    }

    @Test
    void refusesASocketTimeoutThatIsNoDuration() {
        assertThatThrownBy(() -> DatabaseTargets.resolve("postgresql://h/db", Map.of("HUDDLE_DATABASE_SOCKET_TIMEOUT", "soon")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("HUDDLE_DATABASE_SOCKET_TIMEOUT 'soon' is not a duration");
    }

    @Test
    void explicitUrlWinsOverTheEnvironment() {
        DatabaseTarget target = DatabaseTargets.resolve("jdbc:sqlite:/tmp/explicit.db", Map.of(
                "DATABASE_URL", "postgresql://env:envsecret@env-host/env",
                "POSTGRES_HOST", "pg-host"));

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/explicit.db");
    }

    @Test
    void databaseUrlWinsOverPostgresVariables() {
        DatabaseTarget target = DatabaseTargets.resolve(null, Map.of(
                "DATABASE_URL", "postgresql://env:envsecret@env-host:5433/env",
                "POSTGRES_HOST", "pg-host",
                "POSTGRES_PASSWORD", "pgsecret"));

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.POSTGRESQL, "jdbc:postgresql://env-host:5433/env", "env", "envsecret"));
    }

    @Test
    void blankValuesCountAsUnset() {
        DatabaseTarget target = DatabaseTargets.resolve("  ", Map.of("DATABASE_URL", " ", "POSTGRES_HOST", "pg-host"));

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://pg-host:5432/huddle");
    }

    @Test
    void buildsTheTargetFromPostgresVariables() {
        DatabaseTarget target = DatabaseTargets.resolve(null, Map.of(
                "POSTGRES_HOST", "db.internal",
                "POSTGRES_PORT", "6543",
                "POSTGRES_DB", "huddle_prod",
                "POSTGRES_USER", "huddle",
                "POSTGRES_PASSWORD", "topsecret",
                "POSTGRES_SSL", "true"));

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.POSTGRESQL,
                "jdbc:postgresql://db.internal:6543/huddle_prod?sslmode=require", "huddle", "topsecret"));
    }

    @Test
    void defaultsEveryPostgresVariableButTheHost() {
        DatabaseTarget target = DatabaseTargets.resolve(null, Map.of("POSTGRES_HOST", "db.internal"));

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.POSTGRESQL, "jdbc:postgresql://db.internal:5432/huddle", "postgres", null));
    }

    @Test
    void requiresSslOnlyWhenPostgresSslIsTrue() {
        assertThat(DatabaseTargets.resolve(null, Map.of("POSTGRES_HOST", "h", "POSTGRES_SSL", "TRUE")).jdbcUrl()).endsWith("?sslmode=require");
        assertThat(DatabaseTargets.resolve(null, Map.of("POSTGRES_HOST", "h", "POSTGRES_SSL", "false")).jdbcUrl()).doesNotContain("sslmode");
    }

    @Test
    void refusesAPostgresPortThatIsNoNumberWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseTargets.resolve(null, Map.of(
                "POSTGRES_HOST", "h", "POSTGRES_PORT", "54x2", "POSTGRES_PASSWORD", "topsecret")))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("54x2")
                .message().doesNotContain("topsecret");
    }

    @Test
    void fallsBackToTheEmbeddedSqliteFile() {
        DatabaseTarget target = DatabaseTargets.resolve(null, Map.of());

        assertThat(target).isEqualTo(new DatabaseTarget(Dialect.SQLITE, "jdbc:sqlite:./data/huddle.db", null, null));
        assertThat(target.sqliteFile()).isEqualTo(Path.of(DatabaseTargets.DEFAULT_SQLITE_FILE));
    }
}
