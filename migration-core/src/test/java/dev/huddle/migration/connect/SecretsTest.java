package dev.huddle.migration.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://huddle:topsecret@localhost:5432/huddle | postgresql://huddle:***@localhost:5432/huddle",
            "postgres://huddle:top@secret@localhost/huddle       | postgres://huddle:***@localhost/huddle",
            "postgresql://huddle:top:secret@localhost/huddle     | postgresql://huddle:***@localhost/huddle",
            "jdbc:postgresql://localhost/huddle?user=huddle&password=topsecret&ssl=true | jdbc:postgresql://localhost/huddle?user=huddle&password=***&ssl=true",
            "jdbc:postgresql://localhost/huddle?PASSWORD=topsecret | jdbc:postgresql://localhost/huddle?PASSWORD=***",
            "jdbc:sqlserver://localhost;user=huddle;password=topsecret | jdbc:sqlserver://localhost;user=huddle;password=***",
            "postgresql://huddle@localhost:5432/huddle           | postgresql://huddle@localhost:5432/huddle",
            "jdbc:postgresql://localhost:5432/huddle             | jdbc:postgresql://localhost:5432/huddle",
            "jdbc:sqlite:./data/huddle.db                        | jdbc:sqlite:./data/huddle.db",
    })
    void masksPasswordsInUrls(String url, String masked) {
        assertThat(Secrets.maskUrl(url)).isEqualTo(masked);
    }

    @Test
    void masksEveryUrlInAText() {
        String text = "tried postgresql://a:one@h1/db and jdbc:postgresql://h2/db?password=two and both failed";

        assertThat(Secrets.maskUrl(text)).isEqualTo("tried postgresql://a:***@h1/db and jdbc:postgresql://h2/db?password=*** and both failed");
    }

    @Test
    void masksUrlsAndTheLiteralPassword() {
        String text = "FATAL: password authentication failed for topsecret at postgresql://huddle:topsecret@localhost/huddle";

        assertThat(Secrets.mask(text, "topsecret"))
                .doesNotContain("topsecret")
                .isEqualTo("FATAL: password authentication failed for *** at postgresql://huddle:***@localhost/huddle");
    }

    @Test
    void masksEveryOccurrenceOfThePassword() {
        assertThat(Secrets.maskPassword("topsecret, again topsecret", "topsecret")).isEqualTo("***, again ***");
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
    void quotesADriverMessageMaskedWithoutItsFinalPeriod() {
        assertThat(Secrets.quote("  Connection to h:1 refused for topsecret.  ", "topsecret")).isEqualTo("Connection to h:1 refused for ***");
        assertThat(Secrets.quote(null, "topsecret")).isEqualTo("unknown error");
    }
}
