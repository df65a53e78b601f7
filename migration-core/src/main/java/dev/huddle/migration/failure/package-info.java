/** Every failure Huddle reports to a person: one sealed type whose kind gives the runner's exit code. */
package dev.huddle.migration.failure;
