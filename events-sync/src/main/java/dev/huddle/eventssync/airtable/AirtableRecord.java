package dev.huddle.eventssync.airtable;

import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * One record as Airtable listed it. Nothing is checked here: the id or creation time may be missing and the fields may
 * hold anything, so a malformed record reaches the mapping, which skips and reports it instead of failing the page.
 *
 * @param id          Airtable's record id ({@code rec...}), or null when the listing had none
 * @param createdTime when the record was created in Airtable, or null when missing or unreadable
 */
public record AirtableRecord(String id, Instant createdTime, Map<String, JsonNode> fields) {
}
