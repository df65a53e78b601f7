/** Sample data: each module ships a seed script per dialect beside its migrations; {@code Seeder} runs them in one transaction. */
package dev.huddle.migration.seed;
