package dev.huddle.migration.discover;

import java.util.Locale;
import java.util.Optional;

/** The SQL dialects Huddle ships scripts for; each module keeps one folder of scripts per dialect. */
public enum Dialect {
    POSTGRESQL("postgresql"),
    SQLITE("sqlite");

    private final String folderName;

    Dialect(String folderName) {
        this.folderName = folderName;
    }

    /** The name of this dialect's script folder inside a module, e.g. {@code postgresql}. */
    public String folderName() {
        return folderName;
    }

    /** The dialect a JDBC URL speaks, if Huddle supports it. */
    public static Optional<Dialect> ofJdbcUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return Optional.of(SQLITE);
        }
        return Optional.empty();
    }

    /** The dialect of a database product name as JDBC metadata reports it ("PostgreSQL", "SQLite"). */
    public static Optional<Dialect> ofProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.contains("sqlite")) {
            return Optional.of(SQLITE);
        }
        return Optional.empty();
    }
}
