package io.lookervault.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The id map's rule for a destination id that two source items claim, on a real vault file. */
class RestoreStoreTest {
    private static final String A = "https://a.looker.example";
    private static final String B = "https://b.looker.example";
    @TempDir
    Path dir;

    @Test
    void aDestinationIdBelongsToTheSourceItemMappedToItLast() {
        Path p = dir.resolve("v.db");
        Vault.open(p).close(); // creates and migrates
        try (RestoreStore store = RestoreStore.open(p)) {
            store.map(A, B, "dashboards", "7", "12", 1);
            store.map(A, B, "dashboards", "8", "13", 1);
            assertThat(store.destId(A, B, "dashboards", "7")).contains("12");

            // B was rebuilt: restore 2 created source 9 as B's new dashboard 12
            store.map(A, B, "dashboards", "9", "12", 2);
            assertThat(store.destId(A, B, "dashboards", "7")).as("12 is 9's now").isEmpty();
            assertThat(store.destId(A, B, "dashboards", "9")).contains("12");
            assertThat(store.destId(A, B, "dashboards", "8")).contains("13");

            // other sources and other types are not claimants: both instances' Shared folder is B's folder 1
            store.map("https://c.looker.example", B, "dashboards", "1", "13", 3);
            store.map(A, B, "looks", "4", "13", 3);
            assertThat(store.destId(A, B, "dashboards", "8")).contains("13");

            // 7 restored again (found by natural key, created anew): its own mapping is current again
            store.map(A, B, "dashboards", "7", "14", 3);
            assertThat(store.destId(A, B, "dashboards", "7")).contains("14");
        }
    }

    @Test
    void theClaimantCheckSearchesTheIndexInsteadOfScanningTheTypesMappings() throws Exception {
        Path p = dir.resolve("v.db");
        Vault.open(p).close();
        List<String> plan = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p);
             PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + RestoreStore.DEST_ID)) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, "x");
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
        }
        // a scan of the primary key's (source_url, dest_url, type) prefix visits every mapping of the type, for
        // every lookup: minutes for a 50,000-dashboard restore
        assertThat(plan).anyMatch(d -> d.contains("INDEX id_map_dest (source_url=? AND dest_url=? AND type=? AND dest_id=?)"));
    }
}
