package dev.huddle.migration.lint;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.SqlText;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks up scripts of both dialects statement by statement, reading each statement's code-only view from the script's
 * one scan ({@link ResolvedScript#scanned}), so comments and strings never match a rule. A table the same script created
 * is new and empty, so only statements on tables that existed before the script are flagged. Each dialect gets the rules
 * that apply to it ({@link LintRule#appliesTo}); on SQLite a rebuild (create a new table, copy, drop the old one, rename
 * the new one to the old name) keeps the table and is not flagged. Down scripts are not linted: dropping is their job.
 */
public final class MigrationLinter {
    private static final String NAME = "(?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))?";
    private static final Pattern IGNORE = Pattern.compile("^[ \\t]*--[ \\t]*huddle:lint-ignore\\b[ \\t]*(\\S*)[ \\t]*(.*?)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?.*?\\bON\\s+(?:ONLY\\s+)?(" + NAME + ")", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + NAME + ")\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RENAME_TO = Pattern.compile("^RENAME\\s+TO\\s+(" + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(" + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCK_TIMEOUT = Pattern.compile("^SET\\s+(LOCAL\\s+)?(?:SESSION\\s+)?lock_timeout\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD\\s+(?:COLUMN\\s+)?(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|FOREIGN\\b|CHECK\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_NULL = Pattern.compile("\\bNOT\\s+NULL\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_CHANGE = Pattern.compile("\\bALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(?:SET\\s+DATA\\s+)?TYPE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_OR_RENAME = Pattern.compile("\\b(DROP\\s+COLUMN|RENAME)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("\\bADD\\s+(?:CONSTRAINT\\s+" + NAME + "\\s+)?(FOREIGN\\s+KEY|CHECK)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_REFERENCE = Pattern.compile("\\bADD\\s+(?:COLUMN\\s+)?[^,]*?\\b(REFERENCES|CHECK)\\b", Pattern.CASE_INSENSITIVE);

    private MigrationLinter() {
    }

    /** Unsilenced findings of the up scripts of both dialects, PostgreSQL's first, each plan as {@code plans} makes it. */
    public static List<LintFinding> lint(Function<Dialect, MigrationPlan> plans) {
        List<LintFinding> findings = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            findings.addAll(lint(plans.apply(dialect).migrations()));
        }
        return findings;
    }

    /** Unsilenced findings of every script in the list, each checked with its own dialect's rules. */
    public static List<LintFinding> lint(List<ResolvedScript> scripts) {
        List<LintFinding> findings = new ArrayList<>();
        for (ResolvedScript script : scripts) {
            findings.addAll(lint(script));
        }
        return findings;
    }

    /** Unsilenced findings of one script, in line order. */
    public static List<LintFinding> lint(ResolvedScript script) {
        Map<LintRule, String> ignored = new EnumMap<>(LintRule.class);
        List<LintFinding> findings = new ArrayList<>();
        ScannedScript scanned = script.scanned();
        Matcher marker = IGNORE.matcher(scanned.sql());
        while (marker.find()) {
            LintRule rule = rule(marker.group(1));
            int line = scanned.lineOf(marker.start());
            if (rule == null || rule == LintRule.H000) {
                findings.add(new LintFinding(LintRule.H000, script.dialect(), script.historyPath(), line,
                        marker.group(1).isEmpty() ? "lint-ignore without a rule" : "unknown rule " + marker.group(1)));
            } else if (marker.group(2).isBlank()) {
                findings.add(new LintFinding(LintRule.H000, script.dialect(), script.historyPath(), line,
                        "lint-ignore " + rule + " without a reason"));
            } else {
                ignored.put(rule, marker.group(2));
            }
        }
        Set<String> rebuilt = script.dialect() == Dialect.SQLITE ? rebuiltTables(scanned) : Set.of();
        Set<String> createdHere = new HashSet<>();
        boolean lockTimeoutSet = false;
        // Outside a transaction each statement commits alone, so SET LOCAL lasts for itself only.
        boolean inTransaction = !script.directives().hasWithReason(ScriptDirectives.NO_TRANSACTION);
        boolean lockTimeoutFlagged = false;
        for (ScriptStatement statement : scanned.statements()) {
            String code = scanned.codeOf(statement);
            List<Hit> found = new ArrayList<>();
            boolean locksExistingTable = false;
            Matcher matcher;
            if ((matcher = LOCK_TIMEOUT.matcher(code)).find()) {
                lockTimeoutSet = inTransaction || matcher.group(1) == null;
            } else if ((matcher = CREATE_TABLE.matcher(code)).find()) {
                createdHere.add(table(matcher.group(1)));
            } else if ((matcher = CREATE_INDEX.matcher(code)).find()) {
                if (!createdHere.contains(table(matcher.group(2))) && matcher.group(1) == null) {
                    found.add(new Hit(LintRule.H001, "CREATE INDEX on " + table(matcher.group(2))));
                    locksExistingTable = true;
                }
            } else if ((matcher = DROP_TABLE.matcher(code)).find()) {
                if (!createdHere.contains(table(matcher.group(1))) && !rebuilt.contains(table(matcher.group(1)))) {
                    found.add(new Hit(LintRule.H004, "DROP TABLE " + table(matcher.group(1))));
                    locksExistingTable = true;
                }
            } else if ((matcher = ALTER_TABLE.matcher(code)).find() && !createdHere.contains(table(matcher.group(1)))) {
                locksExistingTable = true;
                String table = table(matcher.group(1));
                String actions = matcher.group(2);
                boolean notValid = actions.toUpperCase(Locale.ROOT).contains("NOT VALID");
                for (String action : SqlText.splitTopLevel(actions)) {
                    if (ADD_COLUMN.matcher(action).find() && NOT_NULL.matcher(action).find() && !DEFAULT.matcher(action).find()) {
                        found.add(new Hit(LintRule.H002, "ALTER TABLE " + table + " ADD ... NOT NULL"));
                    }
                }
                if (TYPE_CHANGE.matcher(actions).find()) {
                    found.add(new Hit(LintRule.H003, "ALTER TABLE " + table + " ALTER ... TYPE"));
                }
                Matcher dropOrRename = DROP_OR_RENAME.matcher(actions);
                if (dropOrRename.find()) {
                    found.add(new Hit(LintRule.H004, "ALTER TABLE " + table + " "
                            + dropOrRename.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")));
                }
                if (!notValid && (ADD_CONSTRAINT.matcher(actions).find() || INLINE_REFERENCE.matcher(actions).find())) {
                    found.add(new Hit(LintRule.H005, "ALTER TABLE " + table + " ADD constraint"));
                }
            }
            if (locksExistingTable && !lockTimeoutSet && !lockTimeoutFlagged) {
                lockTimeoutFlagged = true;
                found.add(new Hit(LintRule.H006, firstWords(code)));
            }
            for (Hit hit : found) {
                if (!ignored.containsKey(hit.rule()) && hit.rule().appliesTo(script.dialect())) {
                    findings.add(new LintFinding(hit.rule(), script.dialect(), script.historyPath(), statement.line(), hit.detail()));
                }
            }
        }
        return findings;
    }

    /** A rule a statement breaks, and what in the statement breaks it. */
    private record Hit(LintRule rule, String detail) {
    }

    /** Tables the script rebuilds: a table it creates is renamed to their name. */
    private static Set<String> rebuiltTables(ScannedScript scanned) {
        Set<String> created = new HashSet<>();
        Set<String> rebuilt = new HashSet<>();
        for (ScriptStatement statement : scanned.statements()) {
            String code = scanned.codeOf(statement);
            Matcher matcher;
            if ((matcher = CREATE_TABLE.matcher(code)).find()) {
                created.add(table(matcher.group(1)));
            } else if ((matcher = ALTER_TABLE.matcher(code)).find() && created.contains(table(matcher.group(1)))) {
                Matcher renamed = RENAME_TO.matcher(matcher.group(2).strip());
                if (renamed.find()) {
                    rebuilt.add(table(renamed.group(1)));
                }
            }
        }
        return rebuilt;
    }

    private static LintRule rule(String id) {
        try {
            return LintRule.valueOf(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String table(String qualifiedName) {
        String name = qualifiedName.contains(".") ? qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1) : qualifiedName;
        return name.replace("\"", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String firstWords(String code) {
        String oneLine = code.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "...";
    }
}
