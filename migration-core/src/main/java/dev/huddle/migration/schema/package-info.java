/** A database's schema as a normalised, comparable model, one reader per engine, and the comparison of two models. */
package dev.huddle.migration.schema;
