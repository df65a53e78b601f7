package dev.huddle.app.database;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * {@code huddle.database.*}: an explicit URL wins; without one the environment decides (DATABASE_URL, then
 * POSTGRES_*, then the embedded SQLite file), exactly as for the runner.
 */
@ConfigurationProperties("huddle.database")
public class DatabaseConfiguration {
    @Nullable
    private String url;
    private int maximumPoolSize = 10;
    private Duration connectionTimeout = Duration.ofSeconds(5);

    @Nullable
    public String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    /** How long a caller waits for a pooled connection ({@code huddle.database.connection-timeout}, at least 250 ms). */
    public Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public int getMaximumPoolSize() {
        return maximumPoolSize;
    }

    public void setMaximumPoolSize(int maximumPoolSize) {
        this.maximumPoolSize = maximumPoolSize;
    }
}
