/** Boot migration: every module's schema made current before the DataSource reaches anyone. */
package dev.huddle.app.migration;
