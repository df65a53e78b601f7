package dev.huddle.authhmac.crypto;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.UsageException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server key that encrypts session secrets: {@code huddle.auth.server-key} when set; otherwise, for a SQLite
 * database file, {@value #KEY_FILE} in the file's folder, generated owner-only on first start, so that the embedded
 * default needs no setup. A PostgreSQL deployment must configure the key: its data folder is not this machine's.
 * It is made at start-up, so that a missing or malformed key stops the boot instead of the first request.
 */
@Factory
public class ServerKeyFactory {
    static final String KEY_FILE = "server.key";
    /** Read from the environment, not bound to a configuration bean, whose values Micronaut traces. */
    static final String SETTING = "huddle.auth.server-key";
    private static final Logger LOG = LoggerFactory.getLogger(ServerKeyFactory.class);
    private static final int KEY_BYTES = 32;

    @Context
    public SecretCipher secretCipher(Environment environment, DatabaseTarget target) {
        return new SecretCipher(new SecretKeySpec(keyBytes(environment.getProperty(SETTING, String.class).orElse(null), target),
                "AES"));
    }

    private static byte[] keyBytes(String configured, DatabaseTarget target) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, SETTING);
        }
        Path database = target.sqliteFile();
        if (database == null) {
            throw new UsageException("No server key to encrypt client session secrets with: only a SQLite database file "
                    + "gets one generated beside it.", "Set huddle.auth.server-key (env HUDDLE_AUTH_SERVER_KEY) to 32 random "
                    + "bytes in base64, e.g. the output of `openssl rand -base64 32`.");
        }
        Path file = database.toAbsolutePath().getParent().resolve(KEY_FILE);
        if (!Files.exists(file)) {
            generate(file);
        }
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new FileUnusableException("Cannot read the server key " + file + ": " + e.getMessage() + ".",
                    "Make it readable by the server's user, or set huddle.auth.server-key.", e);
        }
    }

    /**
     * Writes the key to a temporary file and links it into place, which fails if the file exists: two instances
     * starting at once never read a half-written key or replace the one the other already uses.
     */
    private static void generate(Path file) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
            boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
            Path written = posix ? Files.createTempFile(folder, KEY_FILE, ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(folder, KEY_FILE, ".new");
            try {
                Files.writeString(written, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, written);
                LOG.info("Generated the server key {}: session secrets are encrypted with it; back it up with the database", file);
            } catch (FileAlreadyExistsException e) {
                // Another instance generated it first; that one is read.
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new FileUnusableException("Cannot create the server key " + file + ": " + e.getMessage() + ".",
                    "Make the folder writable, or set huddle.auth.server-key.", e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("The server key in " + source + " is not base64.", "Use 32 random bytes in base64, "
                    + "e.g. the output of `openssl rand -base64 32`.");
        }
        if (key.length != KEY_BYTES) {
            throw new UsageException("The server key in " + source + " is " + key.length + " bytes; it must be " + KEY_BYTES
                    + " (AES-256).", "Use the output of `openssl rand -base64 32`.");
        }
        return key;
    }
}
