/** Taking over a database whose schema exists already: recording migrations as adopted (baseline) and reading other tools' histories (import). */
package dev.huddle.migration.adopt;
