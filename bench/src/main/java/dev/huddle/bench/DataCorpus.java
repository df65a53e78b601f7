package dev.huddle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A deterministic data-script corpus: one module, {@value #MODULE}, whose first migration creates {@value #TABLE} and
 * whose second loads it with N single-row INSERTs (text with quotes and a non-ASCII letter, numbers, a timestamp, a
 * boolean). Written for both dialects, as Huddle modules and as one floor file each, twice: as is, and with one more
 * INSERT at the very end that repeats the first row's id, so the script fails on its last statement after running
 * every other one (a run-time error, a unique violation, not a syntax error the server would see before running
 * anything).
 *
 * <p>Also the mixed script of {@link #mixed}: DDL, single- and multi-row INSERTs, UPDATEs, DELETEs, SELECTs, comments
 * and a function (PostgreSQL, dollar-quoted) or trigger (SQLite, BEGIN ... END), about 6.6 MB.
 */
public final class DataCorpus {
    static final String MODULE = "data";
    static final String TABLE = "bench_items";
    static final String CREATE_VERSION = "20240101000000";
    static final String LOAD_VERSION = "20240101000001";
    private static final LocalDateTime FIRST = LocalDateTime.of(2024, 1, 1, 0, 0, 0);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final String[] NAMES = {"O'Brien", "D'Arcy & Sons", "Zoë's café", "Smith \"the elder\"", "Nguyen",
            "L'Oréal", "Müller; GmbH", "-- not a comment", "Acme /* not one either */", "Ōtsuka"};

    private DataCorpus() {
    }

    /** The first migration: the table the data script fills. */
    static String createTable(String dialect) {
        boolean postgres = dialect.equals("postgresql");
        return "create table " + TABLE + " (\n"
                + "    id " + (postgres ? "bigint" : "integer") + " primary key,\n"
                + "    sku varchar(16) not null,\n"
                + "    customer text not null,\n"
                + "    note text,\n"
                + "    quantity integer not null,\n"
                + "    price " + (postgres ? "numeric(12,2)" : "real") + " not null,\n"
                + "    created_at " + (postgres ? "timestamptz" : "text") + " not null,\n"
                + "    active boolean not null\n"
                + ");\n";
    }

    /** Row {@code id}'s INSERT, one line; the same text runs on both engines. */
    static String insert(long id) {
        long mix = id * 2654435761L;
        String customer = NAMES[(int) (id % NAMES.length)];
        String note = switch ((int) ((mix >>> 7) % 4)) {
            case 0 -> "null";
            case 1 -> quote("Order #" + id + " for " + customer + ": \"fragile\", handle with care");
            case 2 -> quote("it's a re-order; see ticket " + (mix % 100000));
            default -> quote("");
        };
        return String.format(Locale.ROOT,
                "insert into %s (id, sku, customer, note, quantity, price, created_at, active) values (%d, 'SKU-%07d', %s, %s, %d, %d.%02d, '%s+00', %s);\n",
                TABLE, id, (mix >>> 3) % 10_000_000, quote(customer), note, (id * 7919) % 1000, (mix >>> 11) % 10_000, (mix >>> 5) % 100,
                FIRST.plusSeconds(id * 37).format(TIMESTAMP), id % 3 == 0 ? "false" : "true");
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The data script: {@code rows} INSERTs, plus, when {@code failing}, one more that repeats id 1. */
    static String dataScript(int rows, boolean failing) {
        StringBuilder sql = new StringBuilder(rows * 190);
        sql.append("-- ").append(rows).append(" rows of ").append(TABLE).append(", one INSERT each\n");
        for (int id = 1; id <= rows; id++) {
            sql.append(insert(id));
        }
        if (failing) {
            sql.append(insert(1));
        }
        return sql.toString();
    }

    /** The 1-based line of the failing variant's last INSERT: the comment line, then one line per row. */
    static int failingLine(int rows) {
        return rows + 2;
    }

    static String upFile(String version, String description) {
        return "V" + version + "__" + description + ".sql";
    }

    /**
     * Writes, under {@code root}: {@code ok/} and {@code failing/}, each with {@code modules/data/<dialect>/} (the two
     * migrations) and {@code floor/<dialect>.sql} (the same statements in one transaction).
     */
    static Path write(Path root, int rows) throws IOException {
        for (boolean failing : new boolean[] {false, true}) {
            Path variant = root.resolve(failing ? "failing" : "ok");
            String data = dataScript(rows, failing);
            for (String dialect : Corpus.DIALECTS) {
                Path folder = Files.createDirectories(variant.resolve("modules").resolve(MODULE).resolve(dialect));
                Files.writeString(folder.resolve(upFile(CREATE_VERSION, "create_" + TABLE)), createTable(dialect));
                Files.writeString(folder.resolve(upFile(LOAD_VERSION, "load_" + TABLE)), data);
                Path down = Files.createDirectories(variant.resolve("modules").resolve(MODULE).resolve("down").resolve(dialect));
                Files.writeString(down.resolve("U" + CREATE_VERSION + "__create_" + TABLE + ".sql"), "drop table " + TABLE + ";\n");
                Files.writeString(down.resolve("U" + LOAD_VERSION + "__load_" + TABLE + ".sql"), "delete from " + TABLE + ";\n");
                boolean sqlite = dialect.equals("sqlite");
                String floor = (sqlite ? "BEGIN;\n" : "") + createTable(dialect) + data + (sqlite ? "COMMIT;\n" : "");
                Files.writeString(Files.createDirectories(variant.resolve("floor")).resolve(dialect + ".sql"), floor);
            }
        }
        return root;
    }

    /**
     * The mixed script for one dialect, at least {@code targetBytes} long: a few tables and indexes, a function or
     * trigger with semicolons inside its body, then blocks of single- and multi-row INSERTs, UPDATEs, DELETEs and now
     * and then a SELECT, with comments between them. Tables are few on purpose: PostgreSQL holds a lock per table
     * until the transaction ends.
     */
    static String mixed(String dialect, int targetBytes) {
        boolean postgres = dialect.equals("postgresql");
        StringBuilder sql = new StringBuilder(targetBytes + 4096);
        int tables = 8;
        for (int t = 0; t < tables; t++) {
            sql.append("-- table ").append(t).append("\n")
                    .append("create table mixed_").append(t).append(" (id ").append(postgres ? "bigint" : "integer").append(" primary key, ")
                    .append("label text not null, amount integer not null default 0, ")
                    .append("updated_at ").append(postgres ? "timestamptz" : "text").append(");\n")
                    .append("create index mixed_").append(t).append("_label on mixed_").append(t).append(" (label);\n");
        }
        if (postgres) {
            sql.append("create function mixed_touch() returns trigger language plpgsql as $$\n"
                    + "begin\n    new.updated_at := now(); -- a semicolon inside the body\n    return new;\nend;\n$$;\n"
                    + "create trigger mixed_0_touch before update on mixed_0 for each row execute function mixed_touch();\n");
        } else {
            sql.append("create trigger mixed_0_touch after update of amount on mixed_0 for each row begin\n"
                    + "    update mixed_0 set updated_at = datetime('now') where id = new.id; -- inside the body\n"
                    + "end;\n");
        }
        long id = 0;
        int block = 0;
        while (sql.length() < targetBytes) {
            int t = block % tables;
            String table = "mixed_" + t;
            sql.append("/* block ").append(block).append(" */\n");
            for (int i = 0; i < 20; i++) {
                id++;
                sql.append("insert into ").append(table).append(" (id, label, amount) values (").append(id).append(", ")
                        .append(quote("row " + id + " of " + NAMES[(int) (id % NAMES.length)])).append(", ").append(id % 977).append(");\n");
            }
            sql.append("insert into ").append(table).append(" (id, label) values ");
            for (int i = 0; i < 10; i++) {
                id++;
                sql.append(i == 0 ? "" : ", ").append("(").append(id).append(", 'multi ").append(id).append("')");
            }
            sql.append(";\n")
                    .append("update ").append(table).append(" set amount = amount + 1 where id % 7 = ").append(block % 7)
                    .append(" and id > ").append(id - 30).append(";\n")
                    .append("delete from ").append(table).append(" where id = ").append(id - 1).append(";\n");
            if (block % 10 == 0) {
                sql.append("select count(*) from ").append(table).append(";\n");
            }
            block++;
        }
        return sql.toString();
    }
}
