package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.SqlScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds statements that create, alter, drop or index a table declared in-memory. Names are compared without
 * case, quotes, schema or underscores, so {@code "ExternalSessions"} and {@code external_sessions} are one table.
 */
final class InMemoryTableGuard {
    private static final String IDENTIFIER = "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)";
    private static final String QUALIFIED = IDENTIFIER + "(?:\\s*\\.\\s*" + IDENTIFIER + ")?";
    private static final Pattern TABLE_STATEMENT = Pattern.compile(
            "\\b(CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:TEMP(?:ORARY)?\\s+|UNLOGGED\\s+)?TABLE"
                    + "|ALTER\\s+TABLE|DROP\\s+TABLE|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\b[^;]*?\\bON|RENAME\\s+TO)"
                    + "\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(?:ONLY\\s+)?"
                    + "(" + QUALIFIED + "(?:\\s*,\\s*" + QUALIFIED + ")*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_IN_LIST = Pattern.compile(QUALIFIED);
    private static final Pattern BARE_IDENTIFIER = Pattern.compile(IDENTIFIER);
    private static final Set<String> STATEMENT_STARTS = Set.of("CREATE", "ALTER", "DROP", "DO");

    private final Set<String> normalizedTables;

    InMemoryTableGuard(Set<String> inMemoryTables) {
        this.normalizedTables = inMemoryTables.stream().map(InMemoryTableGuard::normalize).collect(Collectors.toSet());
    }

    /** As {@link #violations(ScannedScript)}, for a PostgreSQL script's text. */
    List<String> violations(String sql) {
        return violations(SqlScanner.scan(Dialect.POSTGRESQL, sql));
    }

    /**
     * The statements, one per entry as "ALTER TABLE external_sessions (line 3)", that touch an in-memory table. They are
     * looked for in the scan's code-only view, so comments and strings never match.
     */
    List<String> violations(ScannedScript script) {
        List<String> found = new ArrayList<>();
        if (normalizedTables.isEmpty()) {
            return found;
        }
        for (ScriptStatement statement : script.statements()) {
            // Only these can create, alter, drop or index a table, a DO block or function body included: a data
            // script's hundred thousand INSERTs are passed over without a copy of their text.
            if (!STATEMENT_STARTS.contains(statement.keyword(0))) {
                continue;
            }
            String code = script.codeOf(statement);
            if (!mentionsAnyTable(code)) {
                continue;
            }
            Matcher matcher = TABLE_STATEMENT.matcher(code);
            while (matcher.find()) {
                Matcher names = NAME_IN_LIST.matcher(matcher.group(2));
                while (names.find()) {
                    String name = names.group();
                    if (normalizedTables.contains(normalize(name))) {
                        String verb = matcher.group(1).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
                        if (verb.startsWith("CREATE INDEX") || verb.startsWith("CREATE UNIQUE INDEX")) {
                            verb = verb.startsWith("CREATE UNIQUE") ? "CREATE UNIQUE INDEX ... ON" : "CREATE INDEX ... ON";
                        }
                        found.add(verb + " " + name.strip() + " (line " + script.lineOf(statement.start() + matcher.start()) + ")");
                    }
                }
            }
        }
        return found;
    }

    /** A cheap first look: the pattern runs only on statements that name a declared table at all. */
    private boolean mentionsAnyTable(String code) {
        String text = code.toLowerCase(Locale.ROOT).replace("_", "");
        return normalizedTables.stream().anyMatch(text::contains);
    }

    private static String normalize(String qualifiedName) {
        Matcher parts = BARE_IDENTIFIER.matcher(qualifiedName);
        String table = qualifiedName;
        while (parts.find()) {
            table = parts.group();
        }
        return table.replaceAll("[\"`\\[\\]_]", "").toLowerCase(Locale.ROOT);
    }
}
