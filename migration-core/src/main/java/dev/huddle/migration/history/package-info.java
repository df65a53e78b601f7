/** The one history table all modules share: what it holds and how it is read. */
package dev.huddle.migration.history;
