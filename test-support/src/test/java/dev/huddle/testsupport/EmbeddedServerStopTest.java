package dev.huddle.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServerStopTest {

    @Test
    void theServerIsGoneWhenTheStopReturnsSoItsFolderCanBeDeleted() throws Exception {
        Path data = ScratchFolder.newMemorySubfolder("postgres-stop-").resolve("data");
        EmbeddedPostgres server = PostgresServer.startEmbedded(data);
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        assertThat(postmaster).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        new EmbeddedServerStop(server, data).close();

        assertThat(postmaster.get().isAlive()).isFalse();
        ScratchFolder.deleteQuietly(data.getParent());
    }
}
