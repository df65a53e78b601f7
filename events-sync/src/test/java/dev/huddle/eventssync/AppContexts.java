package dev.huddle.eventssync;

import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Application contexts holding the events-sync beans, one per simulated app instance: each gets its own DataSource on
 * the test's database and reads the fake Airtable two records a page, so every listing spans pages.
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
        return ApplicationContext.builder()
                .properties(settings)
                .singletons(DatabaseTargets.fromUrl(database.url()).dataSource())
                .singletons(singletons)
                .start();
    }

    public static ApplicationContext start(TestDatabase database, FakeAirtable airtable, Object... singletons) {
        return start(database, airtableSettings(airtable), singletons);
    }
}
