package dev.huddle.migration.cli;

import dev.huddle.migration.failure.AdoptionRefusedException;
import dev.huddle.migration.failure.SeedRefusedException;
import dev.huddle.migration.failure.SquashRefusedException;
import dev.huddle.migration.failure.DatabaseMissingException;
import dev.huddle.migration.failure.DatabaseReadOnlyException;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.HuddleFailure;
import dev.huddle.migration.failure.InconsistentHistoryException;
import dev.huddle.migration.failure.InvalidDatabaseUrlException;
import dev.huddle.migration.failure.IrreversibleMigrationException;
import dev.huddle.migration.failure.MalformedIntegrityFileException;
import dev.huddle.migration.failure.MalformedModuleException;
import dev.huddle.migration.failure.MalformedScriptException;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.failure.MigrationLockTimeoutException;
import dev.huddle.migration.failure.MigrationPlanRefusedException;
import dev.huddle.migration.failure.NewerHistoryFormatException;
import dev.huddle.migration.failure.PendingMigrationsException;
import dev.huddle.migration.failure.RepairRefusedException;
import dev.huddle.migration.failure.RollbackRefusedException;
import dev.huddle.migration.failure.ShippedScriptChangedException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.failure.UnsupportedDatabaseException;
import dev.huddle.migration.failure.UsageException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Every failure Huddle can report ends the runner with the exit code the README documents for it; nothing else does. */
class ExitCodesTest {
    /** The README's exit-code table, one row per failure type. */
    private static final Map<Class<? extends HuddleFailure>, Integer> DOCUMENTED = Map.ofEntries(
            entry(MigrationFailedException.class, 1),
            entry(UsageException.class, 2),
            entry(InvalidDatabaseUrlException.class, 2),
            entry(UnknownModuleException.class, 2),
            entry(UnknownVersionException.class, 2),
            entry(RepairRefusedException.class, 2),
            entry(MalformedModuleException.class, 2),
            entry(FileUnusableException.class, 2),
            entry(UnsupportedDatabaseException.class, 2),
            entry(MigrationPlanRefusedException.class, 3),
            entry(MalformedScriptException.class, 3),
            entry(InconsistentHistoryException.class, 3),
            entry(RollbackRefusedException.class, 3),
            entry(IrreversibleMigrationException.class, 3),
            entry(NewerHistoryFormatException.class, 3),
            entry(ShippedScriptChangedException.class, 3),
            entry(MalformedIntegrityFileException.class, 3),
            entry(PendingMigrationsException.class, 3),
            entry(AdoptionRefusedException.class, 3),
            entry(SeedRefusedException.class, 3),
            entry(SquashRefusedException.class, 3),
            entry(DatabaseUnreachableException.class, 4),
            entry(DatabaseReadOnlyException.class, 4),
            entry(DatabaseMissingException.class, 4),
            entry(MigrationLockTimeoutException.class, 4));

    @Test
    void everyFailureTypeIsDocumented() {
        assertThat(Set.<Class<?>>copyOf(DOCUMENTED.keySet())).as("a new failure type needs a row here and in the README")
                .containsExactlyInAnyOrderElementsOf(allFailureTypes());
    }

    @Test
    void everyFailureTypeExitsWithItsDocumentedCode() throws Exception {
        for (Map.Entry<Class<? extends HuddleFailure>, Integer> documented : DOCUMENTED.entrySet()) {
            HuddleFailure failure = instanceOf(documented.getKey());

            assertThat(ExitCodes.of(failure)).as(documented.getKey().getSimpleName()).isEqualTo(documented.getValue());
            assertThat(failure.getMessage()).as(documented.getKey().getSimpleName()).contains(failure.problem()).endsWith(
                    failure.fix().isEmpty() ? failure.problem() : failure.fix());
        }
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsOwnCode() {
        assertThat(ExitCodes.INTERNAL_ERROR).isEqualTo(5);
        assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(ExitCodes.of(new IllegalArgumentException("bug"))).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(ExitCodes.of(new UncheckedIOException(new IOException("bug")))).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(ExitCodes.of(new StackOverflowError())).isEqualTo(ExitCodes.INTERNAL_ERROR);
    }

    /** Every class in the sealed hierarchy, abstract or not, except the root. */
    private static Set<Class<?>> allFailureTypes() {
        Set<Class<?>> all = new HashSet<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(HuddleFailure.class.getPermittedSubclasses()));
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.pop();
            all.add(type);
            if (type.isSealed()) {
                toVisit.addAll(List.of(type.getPermittedSubclasses()));
            }
        }
        return all;
    }

    /** An instance made with placeholder arguments: the exit code must not depend on what the message says. */
    private static HuddleFailure instanceOf(Class<? extends HuddleFailure> type) throws Exception {
        Constructor<?> constructor = type.getConstructors()[0];
        Object[] arguments = new Object[constructor.getParameterCount()];
        Class<?>[] parameters = constructor.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = placeholder(parameters[i]);
        }
        return (HuddleFailure) constructor.newInstance(arguments);
    }

    private static Object placeholder(Class<?> parameter) {
        if (parameter == String.class) {
            return "placeholder";
        }
        if (parameter == List.class || parameter == Collection.class) {
            return List.of("placeholder");
        }
        if (parameter == Set.class) {
            return Set.of("placeholder");
        }
        if (parameter == Duration.class) {
            return Duration.ofSeconds(1);
        }
        return null;
    }
}
