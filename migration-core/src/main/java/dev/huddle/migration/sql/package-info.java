/** The one place that reads SQL text: Flyway's parser per dialect, and comment-aware scanning. */
package dev.huddle.migration.sql;
