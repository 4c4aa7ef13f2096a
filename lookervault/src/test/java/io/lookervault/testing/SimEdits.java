package io.lookervault.testing;

import io.lookersim.LookerSim;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Edits made in a simulator between two extractions, sized by what a vault holds. */
public final class SimEdits {
    private SimEdits() {}

    /** Edits 1% of each type's live items in the vault at {@code db} (LookML models are not editable); returns how many. */
    public static int editOnePercent(LookerSim sim, Path db) throws Exception {
        List<String[]> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, count(*) FROM items WHERE deleted_run IS NULL GROUP BY type")) {
            while (rs.next()) {
                counts.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        int edited = 0;
        for (String[] t : counts) {
            int n = Integer.parseInt(t[1]) / 100;
            if (n > 0 && !t[0].equals("lookml_models")) {
                edited += sim.mutate(t[0], "edit", n).size();
            }
        }
        return edited;
    }
}
