package dev.huddle.signaling.relay.bus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more, and an SDP offer with many candidates can be larger.
 * So each message is sent as one or more payloads {@code <key> <index> <count> <part>}, each part at most
 * {@value #LARGEST_PART} UTF-8 bytes and split only between characters; the listener joins the parts again.
 * Nearly every message fits in one part.
 */
final class NotifyChunks {
    static final int LARGEST_PART = 7_800;
    /** A message whose parts stop arriving (its sender lost its connection) is dropped after this many others. */
    private static final int ABANDONED_AFTER = 10_000;

    private final Map<String, Partial> partials = new HashMap<>();
    private long received;

    /** The payloads that carry the text; the key tells one message's parts from another's. */
    static List<String> split(String key, String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(codePoint);
            if (bytes + size > LARGEST_PART) {
                parts.add(text.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        parts.add(text.substring(start));
        List<String> payloads = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            payloads.add(key + " " + i + " " + parts.size() + " " + parts.get(i));
        }
        return payloads;
    }

    /** The whole text once its last part arrives; empty before, and for a payload that is not a part. */
    Optional<String> accept(String payload) {
        received++;
        String[] fields = payload.split(" ", 4);
        if (fields.length < 4) {
            return Optional.empty();
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(fields[1]);
            count = Integer.parseInt(fields[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (count == 1) {
            return Optional.of(fields[3]);
        }
        Partial partial = partials.computeIfAbsent(fields[0], key -> new Partial(count, received));
        if (index < 0 || index >= partial.parts.length) {
            return Optional.empty();
        }
        partial.parts[index] = fields[3];
        if (++partial.arrived < count) {
            dropAbandoned();
            return Optional.empty();
        }
        partials.remove(fields[0]);
        return Optional.of(String.join("", partial.parts));
    }

    /** Forgets every partial message: after the connection broke, their missing parts will never come. */
    void clear() {
        partials.clear();
    }

    private void dropAbandoned() {
        partials.values().removeIf(partial -> received - partial.firstSeen > ABANDONED_AFTER);
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** Sanity for tests: the payload's size as PostgreSQL counts it. */
    static int payloadBytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8).length;
    }

    private static final class Partial {
        final String[] parts;
        final long firstSeen;
        int arrived;

        Partial(int count, long firstSeen) {
            this.parts = new String[count];
            this.firstSeen = firstSeen;
        }
    }
}
