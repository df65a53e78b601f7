package dev.huddle.eventssync.airtable;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the events sync reads from ({@code huddle.events-sync.airtable.*}). The token is a secret: it goes into the
 * Authorization header and nowhere else, so this class has no toString that could print it.
 */
@ConfigurationProperties("huddle.events-sync.airtable")
public class AirtableConfiguration {
    private String baseUrl = "https://api.airtable.com";
    private String baseId;
    private String token;
    private String eventsTable = "Events";
    private String attendeesTable = "Attendees";
    private int pageSize = 100;
    // Airtable asks for 30 s after a 429; five waits ride out a busy minute without hanging a run for long.
    private int maxRetries = 5;
    private Duration maxRetryWait = Duration.ofSeconds(60);
    private Duration readTimeout = Duration.ofSeconds(30);

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getBaseId() {
        return baseId;
    }

    public void setBaseId(String baseId) {
        this.baseId = baseId;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getEventsTable() {
        return eventsTable;
    }

    public void setEventsTable(String eventsTable) {
        this.eventsTable = eventsTable;
    }

    public String getAttendeesTable() {
        return attendeesTable;
    }

    public void setAttendeesTable(String attendeesTable) {
        this.attendeesTable = attendeesTable;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(Duration maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Why the sync cannot reach Airtable as configured, or null when it can try. */
    String missingSetting() {
        if (baseId == null || baseId.isBlank()) {
            return "huddle.events-sync.airtable.base-id (env HUDDLE_EVENTS_SYNC_AIRTABLE_BASE_ID)";
        }
        if (token == null || token.isBlank()) {
            return "huddle.events-sync.airtable.token (env HUDDLE_EVENTS_SYNC_AIRTABLE_TOKEN)";
        }
        return null;
    }
}
