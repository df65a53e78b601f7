package dev.huddle.migration.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptNameTest {

    @Test
    void parsesTimestampVersionAndSnakeCaseDescription() {
        ScriptName name = ScriptName.parse("V20250615051828__initial_meeting_schema.sql").orElseThrow();

        assertThat(name.version()).isEqualTo("20250615051828");
        assertThat(name.description()).isEqualTo("initial_meeting_schema");
        assertThat(name.readableDescription()).isEqualTo("initial meeting schema");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "V20240229235959__leap_day.sql",
            "V20000229000000__leap_century.sql",
            "V20250101000000__a.sql",
            "V20251231235959__v2_of_2_things.sql",
    })
    void acceptsRealTimestamps(String fileName) {
        assertThat(ScriptName.parse(fileName)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "20250615051828__no_prefix.sql",
            "v20250615051828__lower_case_prefix.sql",
            "R20250615051828__repeatable_prefix.sql",
            "U20250615051828__undo_prefix.sql",
            "V2025061505182__thirteen_digits.sql",
            "V202506150518280__fifteen_digits.sql",
            "V2025_06_15__separated_digits.sql",
            "V20251332000000__month_thirteen.sql",
            "V20250230000000__february_thirtieth.sql",
            "V20230229000000__not_a_leap_year.sql",
            "V19000229000000__century_not_leap.sql",
            "V20250431000000__april_thirty_first.sql",
            "V20250615051828___leading_underscore.sql",
            "V2025061505182a__letter_in_version.sql",
            "V.sql",
            "",
            "V20250615240000__hour_twenty_four.sql",
            "V20250615056000__minute_sixty.sql",
            "V20250615051860__second_sixty.sql",
            "V20250615051828__Upper_Case.sql",
            "V20250615051828__initialSchema.sql",
            "V20250615051828__initial-schema.sql",
            "V20250615051828__initial__schema.sql",
            "V20250615051828__trailing_.sql",
            "V20250615051828__.sql",
            "V20250615051828_single_underscore.sql",
            "V20250615051828initial_schema.sql",
            "V20250615051828__initial_schema.SQL",
            "V20250615051828__initial_schema.sql.bak",
            "V20250615051828__initial_schema",
            "V20250615051828__initial schema.sql",
    })
    void refusesNamesThatAreNotTimestampedSnakeCase(String fileName) {
        assertThat(ScriptName.parse(fileName)).isEmpty();
    }
}
