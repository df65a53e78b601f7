package dev.huddle.migration.cli;

import dev.huddle.testsupport.TestDatabase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One call of the runner as a shell would make it, with its exit code and both output streams. */
record Run(int code, String out, String err) {

    /** {@code --url <the database> --modules-dir <modulesDir> <command...>}. */
    static Run run(TestDatabase database, String modulesDir, String... command) {
        return run(database.url(), modulesDir, command);
    }

    static Run run(String url, String modulesDir, String... command) {
        List<String> args = new ArrayList<>(List.of("--url", url, "--modules-dir", modulesDir));
        args.addAll(List.of(command));
        return run(Map.of(), args.toArray(String[]::new));
    }

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HuddleMigrate.run(args, environment, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
