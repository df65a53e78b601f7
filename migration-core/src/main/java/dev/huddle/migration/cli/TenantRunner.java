package dev.huddle.migration.cli;

import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.UsageException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code --tenants FILE}: one command run against every tenant of a multi-tenant install, each with its own history.
 * A line of the file is a database URL, or a PostgreSQL schema name, which runs against {@code --url} with that schema
 * as search path and history schema. At most {@code --parallel N} tenants run at once (default {@value #PARALLELISM},
 * at most {@value #MAX_PARALLELISM}); each ends in one result line.
 * Tenants that succeed are appended to {@code FILE.<command>.done}, so a run after a failure resumes with the rest;
 * the file goes once every tenant has succeeded. The exit code is the worst tenant's.
 */
final class TenantRunner {
    static final int PARALLELISM = 4;
    /** Each tenant holds a connection and a thread for its whole run: more than this would exhaust a server's connections. */
    static final int MAX_PARALLELISM = 32;

    private TenantRunner() {
    }

    /**
     * @param commandLine the runner's whole command line; {@code --tenants}, {@code --url} and {@code --history-schema}
     *                    are replaced by each tenant's
     */
    static int run(Path tenantsFile, String parallel, String[] commandLine, String baseUrl, String command, Map<String, String> environment,
                   PrintWriter out) {
        int parallelism = parallelism(parallel);
        List<String> tenants = tenants(tenantsFile);
        String[] args = without(commandLine, Set.of("--tenants", "--parallel", "--url", "--history-schema"));
        Path doneFile = tenantsFile.resolveSibling(tenantsFile.getFileName() + "." + command + ".done");
        Set<String> done = new LinkedHashSet<>(Files.isRegularFile(doneFile) ? readLines(doneFile) : List.of());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String tenant : tenants) {
                if (done.contains(tenant)) {
                    out.println("tenant " + tenant + ": skipped, done in an earlier run (" + doneFile + ")");
                    continue;
                }
                results.add(pool.submit(() -> runOne(tenant, args, baseUrl, environment, out, doneFile)));
            }
            int worst = ExitCodes.OK;
            for (Future<Integer> result : results) {
                worst = Math.max(worst, result.get());
            }
            if (worst == ExitCodes.OK) {
                Files.deleteIfExists(doneFile);
            }
            return worst;
        } catch (IOException e) {
            throw new FileUnusableException("Cannot remove " + doneFile + ": " + e.getMessage() + ".", "Remove it by hand.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while tenants were running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A tenant's run failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int runOne(String tenant, String[] args, String baseUrl, Map<String, String> environment, PrintWriter out, Path doneFile) {
        List<String> tenantArgs = new ArrayList<>();
        if (isUrl(tenant)) {
            tenantArgs.addAll(List.of("--url", tenant));
        } else {
            if (baseUrl == null) {
                throw new UsageException("Tenant '" + tenant + "' is a schema name, so --url must name the PostgreSQL database that holds it.",
                        "Give --url, or list full URLs in the tenants file.");
            }
            tenantArgs.addAll(List.of("--url", baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + tenant,
                    "--history-schema", tenant));
        }
        tenantArgs.addAll(List.of(args));
        StringWriter tenantOut = new StringWriter();
        StringWriter tenantErr = new StringWriter();
        int code = HuddleMigrate.run(tenantArgs.toArray(String[]::new), environment, new PrintWriter(tenantOut), new PrintWriter(tenantErr));
        String said = lastLine(code == ExitCodes.OK ? tenantOut.toString() : tenantErr.toString());
        synchronized (out) {
            out.println("tenant " + tenant + ": exit " + code + (said.isEmpty() ? "" : " - " + said));
            out.flush();
            if (code == ExitCodes.OK) {
                append(doneFile, tenant);
            }
        }
        return code;
    }

    /** {@code --parallel}'s value, or the default when it is not given. */
    static int parallelism(String value) {
        if (value == null) {
            return PARALLELISM;
        }
        try {
            int parallelism = Integer.parseInt(value.strip());
            if (parallelism >= 1 && parallelism <= MAX_PARALLELISM) {
                return parallelism;
            }
        } catch (NumberFormatException e) {
            // Refused below, with the range.
        }
        throw new UsageException("--parallel " + value + " is not a number of tenants to run at once.",
                "Give a whole number from 1 to " + MAX_PARALLELISM + " (default " + PARALLELISM + ").");
    }

    private static boolean isUrl(String tenant) {
        return tenant.contains(":");
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** The file's tenants: one per line, blank lines and {@code #} comments skipped. */
    private static List<String> tenants(Path file) {
        List<String> tenants = new ArrayList<>();
        for (String line : readLines(file)) {
            String tenant = line.replaceFirst("\\s*#.*$", "").strip();
            if (!tenant.isEmpty()) {
                tenants.add(tenant);
            }
        }
        if (tenants.isEmpty()) {
            throw new UsageException("The tenants file " + file + " lists no tenant.", "List one database URL or schema name per line.");
        }
        return tenants;
    }

    /** The arguments without these options and their values. */
    private static String[] without(String[] args, Set<String> options) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            if (!options.contains(name)) {
                kept.add(args[i]);
            } else if (name.equals(args[i])) {
                i++;
            }
        }
        return kept.toArray(String[]::new);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileUnusableException("Cannot read " + file + ": " + e.getMessage() + ".",
                    "Give --tenants a readable file of database URLs or schema names, one a line.", e);
        }
    }

    private static void append(Path file, String tenant) {
        try {
            Files.writeString(file, tenant + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new FileUnusableException("Cannot record tenant " + tenant + " as done in " + file + ": " + e.getMessage() + ".",
                    "Check that the folder is writable.", e);
        }
    }
}
