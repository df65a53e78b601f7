package dev.huddle.app.database;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code huddle.database.*}: an explicit URL wins; without one the environment decides (DATABASE_URL, then
 * POSTGRES_*, then the embedded SQLite file), exactly as for the runner.
 */
@ConfigurationProperties("huddle.database")
public class DatabaseConfiguration {
    @Nullable
    private String url;
    private int maximumPoolSize = 10;

    @Nullable
    public String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public int getMaximumPoolSize() {
        return maximumPoolSize;
    }

    public void setMaximumPoolSize(int maximumPoolSize) {
        this.maximumPoolSize = maximumPoolSize;
    }
}
