/**
 * Flags operations that lock or break a live database, with a rule id, file, line, dialect and suggestion. A
 * script silences a rule only with an explicit, reasoned marker: {@code -- huddle:lint-ignore H001 <reason>}.
 */
package dev.huddle.migration.lint;
