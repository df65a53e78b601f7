/** Where the database is: the URL forms and environment variables Huddle accepts, and masking their secrets. */
package dev.huddle.migration.connect;
