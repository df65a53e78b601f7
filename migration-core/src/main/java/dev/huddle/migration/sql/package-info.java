/** The one place that reads SQL text: {@link dev.huddle.migration.sql.SqlScanner} and what is built on its scan. */
package dev.huddle.migration.sql;
