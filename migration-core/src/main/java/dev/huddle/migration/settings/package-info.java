/** How settings are written: the one reading of a duration that runner options, environment and app settings share. */
package dev.huddle.migration.settings;
