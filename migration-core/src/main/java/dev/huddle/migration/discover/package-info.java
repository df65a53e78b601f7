/** Finding modules (ServiceLoader or a folder) and the scripts each one ships per dialect. */
package dev.huddle.migration.discover;
