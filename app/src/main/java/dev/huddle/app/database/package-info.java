/** The app's one DataSource, named the same ways as for the runner (URL, DATABASE_URL, POSTGRES_*, SQLite default). */
package dev.huddle.app.database;
