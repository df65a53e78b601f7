package dev.huddle.eventssync.airtable;

import io.micronaut.context.annotation.Bean;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists every record of an Airtable table through the REST API ({@code GET /v0/{base}/{table}}), following the
 * {@code offset} Airtable returns until the last page. A 429 is waited out for {@code Retry-After} seconds (or a
 * doubling pause when the header is missing), each wait capped at {@code max-retry-wait}, at most {@code max-retries}
 * times in a row; then the listing fails. Only whole listings are returned, so a record missing from one really was
 * deleted upstream.
 */
@Singleton
@Bean(preDestroy = "close")
public class AirtableClient implements AutoCloseable {
    private static final Duration FIRST_PAUSE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(1);

    private final AirtableConfiguration configuration;
    private final JsonMapper json;
    private final RetryPause pause;
    private final HttpClient http;

    public AirtableClient(AirtableConfiguration configuration, JsonMapper json, RetryPause pause) {
        this.configuration = configuration;
        this.json = json;
        this.pause = pause;
        DefaultHttpClientConfiguration httpConfiguration = new DefaultHttpClientConfiguration();
        httpConfiguration.setReadTimeout(configuration.getReadTimeout());
        try {
            this.http = HttpClient.create(URI.create(configuration.getBaseUrl()).toURL(), httpConfiguration);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("huddle.events-sync.airtable.base-url '" + configuration.getBaseUrl()
                    + "' is not a URL: set it to Airtable's API address, https://api.airtable.com.", e);
        }
    }

    /**
     * Every record of the table, in Airtable's order; {@code afterEachPage} runs after each page is read (the sync
     * renews its lease there).
     */
    public List<AirtableRecord> listAll(String table, Runnable afterEachPage) {
        String missing = configuration.missingSetting();
        if (missing != null) {
            throw new AirtableUnavailableException("The events sync has no Airtable " + missing + " set: set it to sync.");
        }
        List<AirtableRecord> records = new ArrayList<>();
        String offset = null;
        do {
            JsonNode page = readPage(table, offset);
            JsonNode listed = page.get("records");
            if (listed == null || !listed.isArray()) {
                throw new AirtableUnavailableException("Airtable answered table '" + table + "' without a records list: "
                        + "check huddle.events-sync.airtable.base-url points at Airtable's API.");
            }
            for (JsonNode record : listed.values()) {
                records.add(recordOf(record));
            }
            JsonNode next = page.get("offset");
            offset = next != null && next.isString() ? next.getStringValue() : null;
            afterEachPage.run();
        } while (offset != null);
        return records;
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonNode readPage(String table, String offset) {
        HttpRequest<?> request = HttpRequest.GET(pagePath(table, offset))
                .bearerAuth(configuration.getToken())
                .accept("application/json");
        Duration withoutRetryAfter = FIRST_PAUSE_WITHOUT_RETRY_AFTER;
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
                return json.readValue(response.getBody().orElse("{}"), JsonNode.class);
            } catch (HttpClientResponseException e) {
                if (e.getStatus() != HttpStatus.TOO_MANY_REQUESTS) {
                    throw refused(table, e);
                }
                if (attempt == configuration.getMaxRetries()) {
                    throw new AirtableUnavailableException("Airtable kept answering 429 (rate limited) for table '" + table
                            + "' after " + attempt + " retries; the next run tries again. Raise "
                            + "huddle.events-sync.airtable.max-retries or sync less often if this repeats.");
                }
                Duration wait = retryAfter(e).orElse(withoutRetryAfter);
                withoutRetryAfter = withoutRetryAfter.multipliedBy(2);
                waitBeforeRetry(min(wait, configuration.getMaxRetryWait()));
            } catch (HttpClientException e) {
                throw new AirtableUnavailableException("Airtable could not be reached at " + configuration.getBaseUrl()
                        + " for table '" + table + "': " + e.getMessage() + ". Check the network and "
                        + "huddle.events-sync.airtable.base-url.", e);
            } catch (IOException e) {
                throw new AirtableUnavailableException("Airtable answered table '" + table + "' with a body that is not JSON ("
                        + e.getMessage() + "): check huddle.events-sync.airtable.base-url points at Airtable's API.", e);
            }
        }
    }

    private String pagePath(String table, String offset) {
        StringBuilder path = new StringBuilder("/v0/").append(encode(configuration.getBaseId())).append('/').append(encode(table))
                .append("?pageSize=").append(configuration.getPageSize());
        if (offset != null) {
            path.append("&offset=").append(encode(offset));
        }
        return path.toString();
    }

    private AirtableUnavailableException refused(String table, HttpClientResponseException e) {
        int status = e.getStatus().getCode();
        String fix = switch (status) {
            case 401 -> "check huddle.events-sync.airtable.token";
            case 403 -> "give the token read access to base " + configuration.getBaseId();
            case 404 -> "check huddle.events-sync.airtable.base-id and the table name";
            default -> "the next run tries again";
        };
        return new AirtableUnavailableException("Airtable answered " + status + " for table '" + table + "' of base "
                + configuration.getBaseId() + errorType(e) + ": " + fix + ".", e);
    }

    /** Airtable's error type ({"error": {"type": ...}}), which names the problem without echoing the request. */
    private String errorType(HttpClientResponseException e) {
        try {
            JsonNode body = json.readValue(e.getResponse().getBody(String.class).orElse("{}"), JsonNode.class);
            JsonNode error = body.get("error");
            JsonNode type = error == null ? null : error.isString() ? error : error.get("type");
            return type != null && type.isString() ? " (" + type.getStringValue() + ")" : "";
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    private static Optional<Duration> retryAfter(HttpClientResponseException e) {
        String header = e.getResponse().getHeaders().get("Retry-After");
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
        } catch (NumberFormatException notSeconds) {
            // An HTTP date instead of seconds: the doubling pause is a fair stand-in.
            return Optional.empty();
        }
    }

    private void waitBeforeRetry(Duration wait) {
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirtableUnavailableException("The events sync was interrupted while waiting out Airtable's rate limit.", e);
        }
    }

    private AirtableRecord recordOf(JsonNode record) {
        if (!record.isObject()) {
            return new AirtableRecord(null, null, Map.of());
        }
        JsonNode id = record.get("id");
        JsonNode fields = record.get("fields");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (fields != null && fields.isObject()) {
            fields.entries().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        }
        return new AirtableRecord(id != null && id.isString() ? id.getStringValue() : null, createdTime(record.get("createdTime")), values);
    }

    private static Instant createdTime(JsonNode value) {
        if (value == null || !value.isString()) {
            return null;
        }
        try {
            return Instant.parse(value.getStringValue());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
