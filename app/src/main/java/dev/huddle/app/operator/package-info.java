/** What an operator reads from the running app about its database: the {@code /migrations} management endpoint. */
package dev.huddle.app.operator;
