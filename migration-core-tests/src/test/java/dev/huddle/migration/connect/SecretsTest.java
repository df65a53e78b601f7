package dev.huddle.migration.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {
    /** Each piece between special characters is distinct, so a test can tell that no part of it leaked. */
    static final String TRICKY = "Pw1ab@Pw2cd;Pw3ef#Pw4gh/Pw5ij?Pw6kl Pw7mn%Pw8op:Pw9qr";
    static final List<String> TRICKY_PIECES = List.of("Pw1ab", "Pw2cd", "Pw3ef", "Pw4gh", "Pw5ij", "Pw6kl", "Pw7mn", "Pw8op", "Pw9qr");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://huddle:topsecret@localhost:5432/huddle | postgresql://huddle:***@localhost:5432/huddle",
            "postgres://huddle:top@secret@localhost/huddle       | postgres://huddle:***@localhost/huddle",
            "postgresql://huddle:top:secret@localhost/huddle     | postgresql://huddle:***@localhost/huddle",
            "jdbc:postgresql://localhost/huddle?user=huddle&password=topsecret&ssl=true | jdbc:postgresql://localhost/huddle?user=huddle&password=***&ssl=true",
            "jdbc:postgresql://localhost/huddle?PASSWORD=topsecret | jdbc:postgresql://localhost/huddle?PASSWORD=***",
            "jdbc:postgresql://localhost/huddle?sslmode=verify-full&sslpassword=topsecret&sslkey=/k.pk8 | jdbc:postgresql://localhost/huddle?sslmode=verify-full&sslpassword=***&sslkey=/k.pk8",
            "jdbc:postgresql://localhost/huddle?sslfactoryarg=topsecret | jdbc:postgresql://localhost/huddle?sslfactoryarg=***",
            "jdbc:postgresql://localhost/huddle?password=top;secret&x=1 | jdbc:postgresql://localhost/huddle?password=***&x=1",
            "jdbc:sqlserver://localhost;user=huddle;password=topsecret | jdbc:sqlserver://localhost;user=huddle;password=***",
            "jdbc:mysql://localhost/huddle?trustCertificateKeyStorePassword=topsecret | jdbc:mysql://localhost/huddle?trustCertificateKeyStorePassword=***",
            "postgresql://huddle@localhost:5432/huddle           | postgresql://huddle@localhost:5432/huddle",
            "jdbc:postgresql://localhost:5432/huddle             | jdbc:postgresql://localhost:5432/huddle",
            "jdbc:sqlite:./data/huddle.db                        | jdbc:sqlite:./data/huddle.db",
            "jdbc:sqlite:/srv/a:b@c/huddle.db?password=topsecret | jdbc:sqlite:/srv/a:b@c/huddle.db?password=***",
    })
    void masksPasswordsInUrls(String url, String masked) {
        assertThat(Secrets.maskUrl(url)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://postgres:postgres@postgres:5432/postgres | postgresql://postgres:***@postgres:5432/postgres",
            "jdbc:postgresql://localhost/postgres?user=postgres&password=postgres | jdbc:postgresql://localhost/postgres?user=postgres&password=***",
            "postgresql://huddle:localhost@localhost/huddle?application_name=huddle | postgresql://huddle:***@localhost/huddle?application_name=huddle",
    })
    void masksByComponentSoAPasswordEqualToAnotherPartChangesNothingElse(String url, String masked) {
        assertThat(Secrets.maskUrl(url)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://huddle:Pw1ab@Pw2cd;Pw3ef#Pw4gh/Pw5ij?Pw6kl Pw7mn%Pw8op:Pw9qr@localhost:5432/huddle",
            "jdbc:postgresql://localhost/huddle?sslpassword=Pw1ab@Pw2cd;Pw3ef#Pw4gh/Pw5ij?Pw6kl Pw7mn%Pw8op:Pw9qr",
            "jdbc:postgresql://localhost/huddle?password=Pw1ab@Pw2cd;Pw3ef#Pw4gh/Pw5ij?Pw6kl Pw7mn%Pw8op:Pw9qr&ssl=true",
            "postgresql://huddle:Pw1ab%40Pw2cd%3BPw3ef%23Pw4gh%2FPw5ij%3FPw6kl%20Pw7mn%25Pw8op%3APw9qr@localhost/huddle",
            "postgresql://huddle:123/Pw1ab@localhost/huddle",
            "postgresql://huddle:123?Pw1ab@localhost/huddle",
            "postgresql://huddle:#Pw1ab@localhost/huddle",
            "huddle:Pw1ab@Pw2cd@localhost/huddle",
    })
    void leavesNoPartOfAMalformedOrTrickyPassword(String url) {
        String masked = Secrets.maskUrl(url);

        assertThat(masked).contains(Secrets.MASK);
        assertThat(TRICKY_PIECES).allSatisfy(piece -> assertThat(masked).doesNotContain(piece));
    }

    @Test
    void masksTooMuchRatherThanTooLittleWhenAnAtSignMayBelongToThePassword() {
        assertThat(Secrets.maskUrl("postgresql://huddle:Pw1ab@localhost/huddle?application_name=a@b"))
                .isEqualTo("postgresql://huddle:***@b");
    }

    @Test
    void masksEveryUrlInAText() {
        String text = "tried postgresql://a:one@h1/db and jdbc:postgresql://h2/db?sslpassword=two and both failed";

        assertThat(Secrets.mask(text, List.of()))
                .isEqualTo("tried postgresql://a:***@h1/db and jdbc:postgresql://h2/db?sslpassword=*** and both failed");
    }

    @Test
    void masksUrlsAndTheLiteralPassword() {
        String text = "FATAL: password authentication failed for topsecret at postgresql://huddle:topsecret@localhost/huddle";

        assertThat(Secrets.mask(text, "topsecret"))
                .doesNotContain("topsecret")
                .isEqualTo("FATAL: password authentication failed for *** at postgresql://huddle:***@localhost/huddle");
    }

    @Test
    void masksEveryWholeOccurrenceOfThePassword() {
        assertThat(Secrets.maskPassword("topsecret, again topsecret", "topsecret")).isEqualTo("***, again ***");
        assertThat(Secrets.maskPassword("'" + TRICKY + "' refused", TRICKY)).isEqualTo("'***' refused");
    }

    @Test
    void masksThePercentEncodedFormOfASecretToo() {
        assertThat(Secrets.mask("echoed p%40ss%20word back", List.of("p@ss word"))).isEqualTo("echoed *** back");
    }

    @Test
    void aPasswordThatIsACommonWordManglesNoSchemeHostOrLongerWord() {
        String message = "Cannot connect to jdbc:postgresql://postgres:5432/postgres as huddle: Connection to postgres:5432 "
                + "refused (postgresql server).";

        assertThat(Secrets.maskPassword(message, "postgres")).isEqualTo("Cannot connect to jdbc:postgresql://postgres:5432/postgres "
                + "as huddle: Connection to postgres:5432 refused (postgresql server).");
        assertThat(Secrets.maskPassword("the server said postgres.", "postgres")).isEqualTo("the server said ***.");
        assertThat(Secrets.maskPassword("Connection refused", "refuse")).isEqualTo("Connection refused");
        assertThat(Secrets.maskPassword("jdbc:postgresql://localhost/huddle", "jdbc")).isEqualTo("jdbc:postgresql://localhost/huddle");
    }

    @Test
    void leavesTextAloneWithoutAPassword() {
        assertThat(Secrets.maskPassword("nothing to hide", null)).isEqualTo("nothing to hide");
        assertThat(Secrets.maskPassword("nothing to hide", "")).isEqualTo("nothing to hide");
        assertThat(Secrets.maskPassword(null, "topsecret")).isNull();
        assertThat(Secrets.mask(null, "topsecret")).isNull();
        assertThat(Secrets.maskUrl(null)).isNull();
    }

    @Test
    void masksADriverMessageForQuotingWithoutItsFinalPeriod() {
        assertThat(Secrets.maskedDriverMessage("  Connection to h:1 refused for topsecret.  ", List.of("topsecret")))
                .isEqualTo("Connection to h:1 refused for ***");
        assertThat(Secrets.maskedDriverMessage(null, List.of("topsecret"))).isEqualTo("unknown error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "sslpassword", "sslfactoryarg", "trustCertificateKeyStorePassword",
            "pwd", "passphrase", "client_secret", "accessToken"})
    void namesSecretParameters(String name) {
        assertThat(Secrets.isSecretParameter(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "sslmode", "sslkey", "sslcert", "sslpasswordcallback", "ApplicationName", "socketTimeout"})
    void leavesOtherParametersVisible(String name) {
        assertThat(Secrets.isSecretParameter(name)).isFalse();
    }
}
