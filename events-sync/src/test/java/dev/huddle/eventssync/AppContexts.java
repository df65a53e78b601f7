package dev.huddle.eventssync;

import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Application contexts holding the events-sync beans, one per simulated app instance: each gets its own pool on the
 * test's database (the app's {@code datasources.default}, closed with the context) and reads the fake Airtable two
 * records a page, so every listing spans pages.
 */
public final class AppContexts {
    private AppContexts() {
    }

    public static Map<String, Object> airtableSettings(FakeAirtable airtable) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("huddle.events-sync.airtable.base-url", airtable.baseUrl());
        settings.put("huddle.events-sync.airtable.base-id", FakeAirtable.BASE_ID);
        settings.put("huddle.events-sync.airtable.token", FakeAirtable.TOKEN);
        settings.put("huddle.events-sync.airtable.page-size", 2);
        return settings;
    }

    /** A started context; {@code singletons} replace beans (a recording RetryPause, say). */
    public static ApplicationContext start(TestDatabase database, Map<String, Object> settings, Object... singletons) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("huddle.database.url", database.url());
        return ApplicationContext.builder()
                .properties(properties)
                .singletons(singletons)
                .start();
    }

    public static ApplicationContext start(TestDatabase database, FakeAirtable airtable, Object... singletons) {
        return start(database, airtableSettings(airtable), singletons);
    }
}
