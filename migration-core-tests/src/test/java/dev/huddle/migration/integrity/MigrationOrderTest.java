package dev.huddle.migration.integrity;

import dev.huddle.migration.failure.MalformedIntegrityFileException;
import dev.huddle.migration.integrity.MigrationOrder.Entry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationOrderTest {

    @Test
    void parsesEntriesInFileOrderSkippingCommentsAndBlankLines() {
        MigrationOrder order = MigrationOrder.parse("# header\n20250103000000 beta\r\n\n  20250101000000   alpha  \n");

        assertThat(order.entries()).containsExactly(new Entry("20250103000000", "beta"), new Entry("20250101000000", "alpha"));
        assertThat(order.contains("20250101000000")).isTrue();
        assertThat(order.contains("20250102000000")).isFalse();
    }

    @Test
    void formatsAHeaderAndOneLinePerEntryThatParsesBack() {
        MigrationOrder order = new MigrationOrder(List.of(new Entry("20250101000000", "alpha"), new Entry("20250102000000", "beta")));

        String text = order.format();

        assertThat(text).startsWith("# ").contains("-- huddle:out-of-order <reason>").endsWith("20250101000000 alpha\n20250102000000 beta\n");
        assertThat(MigrationOrder.parse(text)).isEqualTo(order);
    }

    @Test
    void appendsNewVersionsAtTheEndWhateverTheirAgeAndSkipsKnownOnes() {
        MigrationOrder order = MigrationOrder.parse("20250102000000 beta\n20250104000000 beta\n");

        MigrationOrder appended = order.append(List.of(new Entry("20250104000000", "beta"), new Entry("20250103000000", "alpha"),
                new Entry("20250105000000", "alpha")));

        assertThat(appended.entries()).extracting(Entry::toString).containsExactly(
                "20250102000000 beta", "20250104000000 beta", "20250103000000 alpha", "20250105000000 alpha");
        assertThat(order.entries()).as("unchanged").hasSize(2);
    }

    @Test
    void refusesAMalformedLine() {
        assertThatThrownBy(() -> MigrationOrder.parse("20250101000000 alpha\n20250102000000\n"))
                .isInstanceOf(MalformedIntegrityFileException.class)
                .hasMessage("Malformed migration order line: '20250102000000'; expected '<version> <module>'.");
    }
}
