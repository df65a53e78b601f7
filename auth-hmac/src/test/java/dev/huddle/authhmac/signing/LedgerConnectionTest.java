package dev.huddle.authhmac.signing;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerConnectionTest {

    @Test
    void aConnectionIsKeptOnlyFromAPoolLargeEnoughToLeaveTheRequestsTheirs() {
        try (HikariDataSource small = pool(LedgerConnection.SMALLEST_POOL_TO_KEEP_FROM - 1);
             HikariDataSource large = pool(LedgerConnection.SMALLEST_POOL_TO_KEEP_FROM)) {
            assertThat(LedgerConnection.leavesRoomForRequests(small)).isFalse();
            assertThat(LedgerConnection.leavesRoomForRequests(large)).isTrue();
        }
        assertThat(LedgerConnection.leavesRoomForRequests(new SQLiteDataSource())).as("a data source of unknown size").isFalse();
    }

    /** A pool that is configured but never started: nothing here connects. */
    private static HikariDataSource pool(int maximumSize) {
        HikariDataSource pool = new HikariDataSource();
        pool.setMaximumPoolSize(maximumSize);
        return pool;
    }
}
