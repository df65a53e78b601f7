package dev.huddle.migration.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The name list the parser and its messages use and the commands' own specs must agree, since each is written out by hand. */
class CommandsTest {

    @Test
    void everyListedNameFindsTheCommandOfThatName() {
        for (String name : Commands.NAMES) {
            assertThat(Commands.spec(name)).as(name).isNotNull();
            assertThat(Commands.spec(name).name()).isEqualTo(name);
        }
    }

    @Test
    void theFullListForHelpFollowsTheNamesInOrder() {
        List<String> names = Commands.all().stream().map(CommandSpec::name).toList();

        assertThat(names).isEqualTo(Commands.NAMES).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownNameFindsNoCommand() {
        assertThat(Commands.spec("stat")).isNull();
    }
}
