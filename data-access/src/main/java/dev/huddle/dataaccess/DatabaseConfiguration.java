package dev.huddle.dataaccess;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code huddle.database.url}: an explicit database URL, which wins over DATABASE_URL, the POSTGRES_* variables and
 * the SQLite default, exactly as {@code --url} does for the runner.
 */
@ConfigurationProperties("huddle.database")
public class DatabaseConfiguration {
    @Nullable
    private String url;

    @Nullable
    public String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }
}
