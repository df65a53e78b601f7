package dev.huddle.migration.integrity;

import dev.huddle.migration.failure.MalformedIntegrityFileException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parsed manifest: script path inside the module ({@code postgresql/V...sql}, {@code down/sqlite/U...sql}) to the
 * SHA-256 of its text. Line endings are normalized before hashing, so a checkout that converts them changes nothing.
 */
public record IntegrityManifest(Map<String, String> sha256ByPath) {

    public IntegrityManifest {
        sha256ByPath = Map.copyOf(sha256ByPath);
    }

    public static IntegrityManifest parse(String text) {
        Map<String, String> entries = new TreeMap<>();
        for (String line : text.split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) {
                throw new MalformedIntegrityFileException("Malformed integrity manifest line: '" + entry + "'.", "Restore the file from version control.");
            }
            entries.put(parts[0], parts[1]);
        }
        return new IntegrityManifest(entries);
    }

    /** The manifest's text: a header for people, then one sorted line per script. */
    public String format(String module) {
        StringBuilder text = new StringBuilder()
                .append("# Integrity manifest of module ").append(module).append(": the SHA-256 of every script it has shipped.\n")
                .append("# Written by 'huddle-migrate seal ").append(module).append("'; never edit it, and never edit a script listed here.\n");
        new TreeMap<>(sha256ByPath).forEach((path, sha) -> text.append(path).append(' ').append(sha).append('\n'));
        return text.toString();
    }

    public static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
