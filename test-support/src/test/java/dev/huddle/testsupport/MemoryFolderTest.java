package dev.huddle.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryFolderTest {

    @Test
    void deletesOnlyTheFoldersOfJvmsThatAreGone() throws Exception {
        Path parent = ScratchFolder.newSubfolder("memory-");
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path ofEndedJvm = Files.createDirectories(parent.resolve(MemoryFolder.PREFIX + ended.pid() + "-1"));
        Files.writeString(ofEndedJvm.resolve("PG_VERSION"), "14");
        Path ofThisJvm = Files.createDirectories(parent.resolve(MemoryFolder.PREFIX + ProcessHandle.current().pid() + "-2"));
        Path notOurs = Files.createDirectories(parent.resolve(MemoryFolder.PREFIX + "cache"));

        MemoryFolder.deleteFoldersOfEndedJvms(parent);

        assertThat(ofEndedJvm).doesNotExist();
        assertThat(ofThisJvm).isDirectory();
        assertThat(notOurs).isDirectory();
    }

    @Test
    void readsTheOwnerFromTheFolderName() {
        assertThat(MemoryFolder.ownerPid("huddle-tests-4242-981237")).isEqualTo(Optional.of(4242L));
        assertThat(MemoryFolder.ownerPid("huddle-tests-cache")).isEmpty();
        assertThat(MemoryFolder.ownerPid("huddle-tests-x1-2")).isEmpty();
    }

    @Test
    void givesAFolderOnAMemoryFileSystemOrNone() throws Exception {
        Optional<Path> folder = MemoryFolder.create();
        try {
            if (folder.isPresent()) {
                assertThat(Files.getFileStore(folder.get()).type()).isEqualTo("tmpfs");
                assertThat(folder.get().getFileName().toString()).startsWith(MemoryFolder.PREFIX + ProcessHandle.current().pid() + "-");
            }
        } finally {
            folder.ifPresent(ScratchFolder::deleteQuietly);
        }
    }
}
