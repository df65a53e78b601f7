package dev.huddle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic migration history: {@value #MODULES} modules whose versions interleave, each migration creating a
 * 7-column table with a foreign key and an index, every 5th also adding a column to the table before it. Written
 * three ways from the same scripts: as Huddle modules, as one flat Flyway folder per dialect, and as one file per
 * dialect for the floor (all statements in one transaction).
 */
public final class Corpus {
    static final int MODULES = 4;
    static final String[] DIALECTS = {"postgresql", "sqlite"};
    private static final LocalDateTime FIRST = LocalDateTime.of(2024, 1, 1, 0, 0, 0);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    /** One generated migration. */
    record Migration(int index, String module, String version, String description) {
        String upFile() {
            return "V" + version + "__" + description + ".sql";
        }

        String downFile() {
            return "U" + version + "__" + description + ".sql";
        }
    }

    private Corpus() {
    }

    /** The {@code size} migrations, in version order. */
    static List<Migration> migrations(int size) {
        List<Migration> migrations = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String module = "mod" + (i % MODULES);
            migrations.add(new Migration(i, module, FIRST.plusSeconds(i).format(VERSION), "create_" + table(i)));
        }
        return migrations;
    }

    static String table(int index) {
        return "t" + index;
    }

    /** The up script of migration {@code index} (tables are named after the global index, so modules never clash). */
    static String up(int index, String dialect) {
        boolean postgres = dialect.equals("postgresql");
        int parent = index - Corpus.MODULES;
        String t = table(index);
        StringBuilder sql = new StringBuilder();
        sql.append("create table ").append(t).append(" (\n")
                .append("    id ").append(postgres ? "bigint" : "integer").append(" primary key,\n")
                .append("    parent_id ").append(postgres ? "bigint" : "integer")
                .append(parent >= 0 ? " references " + table(parent) + " (id) on delete cascade" : "").append(",\n")
                .append("    name text not null,\n")
                .append("    code varchar(32),\n")
                .append("    amount integer not null default 0,\n")
                .append("    created_at ").append(postgres ? "timestamptz not null default now()" : "text not null default (datetime('now'))").append(",\n")
                .append("    active boolean not null default ").append(postgres ? "true" : "1").append("\n")
                .append(");\n")
                .append("create index idx_").append(t).append("_parent on ").append(t).append(" (parent_id);\n");
        if (index % 5 == 4 && parent >= 0) {
            // A comment, so every runner executes the same statements; it keeps Huddle's validate (lint) clean.
            sql.append("-- huddle:lint-ignore H006 benchmark corpus: nothing else uses the database while it runs\n")
                    .append("alter table ").append(table(parent)).append(" add column note_").append(index).append(" text;\n");
        }
        return sql.toString();
    }

    static String down(int index) {
        StringBuilder sql = new StringBuilder();
        int parent = index - Corpus.MODULES;
        if (index % 5 == 4 && parent >= 0) {
            sql.append("alter table ").append(table(parent)).append(" drop column note_").append(index).append(";\n");
        }
        return sql.append("drop table ").append(table(index)).append(";\n").toString();
    }

    /** Writes the corpus of {@code size} migrations under {@code root} (replacing what is there) and returns it. */
    static Path write(Path root, int size) throws IOException {
        List<Migration> migrations = migrations(size);
        for (String dialect : DIALECTS) {
            Path flat = Files.createDirectories(root.resolve("flat").resolve(dialect));
            StringBuilder floor = new StringBuilder(dialect.equals("sqlite") ? "PRAGMA foreign_keys=ON;\nBEGIN;\n" : "");
            for (Migration migration : migrations) {
                String up = up(migration.index(), dialect);
                Path module = root.resolve("modules").resolve(migration.module());
                Files.writeString(Files.createDirectories(module.resolve(dialect)).resolve(migration.upFile()), up);
                Files.writeString(Files.createDirectories(module.resolve("down").resolve(dialect)).resolve(migration.downFile()),
                        down(migration.index()));
                Files.writeString(flat.resolve(migration.upFile()), up);
                floor.append(up);
            }
            if (dialect.equals("sqlite")) {
                floor.append("COMMIT;\n");
            }
            Files.writeString(Files.createDirectories(root.resolve("floor")).resolve(dialect + ".sql"), floor.toString());
        }
        return root;
    }
}
