/**
 * Each module's committed integrity manifest: the checksum of every script it has shipped, so that an edited or
 * deleted shipped script is refused by the build and by planning, before any database sees it.
 */
package dev.huddle.migration.integrity;
