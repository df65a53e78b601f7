package dev.huddle.migration.cli;

import java.util.List;

/**
 * What one command accepts, written out as plain values: the parser reads it to understand the arguments and
 * {@link UsageHelp} to describe them, so nothing is discovered by reflection when the runner starts.
 *
 * @param mutuallyExclusive names of options of which at most one may be given; empty when there are none
 */
record CommandSpec(String name, String description, List<Option> options, List<Parameter> parameters,
                   List<String> mutuallyExclusive) {

    CommandSpec(String name, String description, List<Option> options) {
        this(name, description, options, List.of(), List.of());
    }

    Option option(String optionName) {
        for (Option option : options) {
            if (option.name().equals(optionName) || optionName.equals(option.shortName())) {
                return option;
            }
        }
        return null;
    }

    /**
     * An option: a flag when {@code valueLabel} is null, otherwise it takes a value, as {@code --name VALUE} or
     * {@code --name=VALUE}. Only a repeatable option may be given more than once.
     */
    record Option(String name, String shortName, String valueLabel, boolean repeatable, String description) {

        static Option flag(String name, String description) {
            return new Option(name, null, null, false, description);
        }

        static Option value(String name, String valueLabel, String description) {
            return new Option(name, null, valueLabel, false, description);
        }

        static Option repeatable(String name, String valueLabel, String description) {
            return new Option(name, null, valueLabel, true, description);
        }

        boolean takesValue() {
            return valueLabel != null;
        }
    }

    /**
     * A positional parameter. Parameters take the words after the command in order; a repeatable one takes all
     * that are left, so only the last may repeat.
     */
    record Parameter(String label, boolean required, boolean repeatable, String description) {
    }
}
