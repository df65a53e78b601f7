package dev.huddle.migration.discover;

import dev.huddle.migration.failure.FileUnusableException;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A script folder on disk, as used by {@code --modules-dir} modules and by module source folders. */
public final class DirectoryScriptLocation implements ScriptLocation {
    /** Bytes per read of a large file: large enough that the calls do not count, small enough to be reused memory. */
    private static final int READ_SLICE = 1 << 20;

    private final Path dir;

    public DirectoryScriptLocation(Path dir) {
        this.dir = dir;
    }

    @Override
    public List<ScriptFile> list() {
        String[] names = dir.toFile().list();
        if (names == null) {
            if (Files.isDirectory(dir)) {
                throw new FileUnusableException("Cannot list " + dir + ":", "check the folder's permissions.", null);
            }
            return List.of();
        }
        Arrays.sort(names);
        String folder = dir + File.separator;
        List<ScriptFile> files = new ArrayList<>(names.length);
        for (String name : names) {
            // One stat per entry would cost more than the rest of a no-op start; only entries not named like a script
            // are looked at, so a stray folder is skipped while a stray file is still reported by planning.
            // Hidden entries (.DS_Store, an editor's swap file) are tools' files, never scripts.
            if (!name.startsWith(".") && (name.endsWith(".sql") || Files.isRegularFile(dir.resolve(name)))) {
                files.add(new ScriptFile(name, folder + name, () -> read(dir.resolve(name))));
            }
        }
        return files;
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    /** A single file's text, if the file exists. */
    static Optional<String> readFile(Path path) {
        return Files.isRegularFile(path) ? Optional.of(read(path).text()) : Optional.empty();
    }

    /**
     * A FileInputStream rather than {@link Files#readString}: half the cost per file in a fresh JVM, and a start reads
     * thousands. Malformed UTF-8 is refused naming its line ({@link ScriptDecoding}).
     */
    private static DecodedScript read(Path path) {
        File file = path.toFile();
        try (FileInputStream in = new FileInputStream(file)) {
            return ScriptDecoding.decode(readAll(in, file.length()), path.toString());
        } catch (IOException e) {
            throw new FileUnusableException("Cannot read " + path + ": " + e.getMessage() + ".", "Check the file's permissions.", e);
        }
    }

    /**
     * The stream's bytes to its end. A file larger than a slice is read a slice at a time: the JDK's native read
     * allocates a C buffer as large as the request, and for a whole data script (tens of megabytes) that buffer is fresh
     * memory the kernel zeroes and faults in page by page, only to be copied out and freed; a slice's buffer is reused
     * from one read to the next.
     *
     * @param length the file's size when opened; the bytes read are whatever it holds when read
     */
    static byte[] readAll(FileInputStream in, long length) throws IOException {
        if (length <= READ_SLICE || length > Integer.MAX_VALUE - READ_SLICE) {
            return in.readAllBytes();
        }
        byte[] bytes = new byte[(int) length];
        int read = 0;
        while (read < bytes.length) {
            int n = in.read(bytes, read, Math.min(READ_SLICE, bytes.length - read));
            if (n < 0) {
                return Arrays.copyOf(bytes, read);
            }
            read += n;
        }
        byte[] more = in.readAllBytes();
        if (more.length == 0) {
            return bytes;
        }
        byte[] all = Arrays.copyOf(bytes, bytes.length + more.length);
        System.arraycopy(more, 0, all, bytes.length, more.length);
        return all;
    }
}
