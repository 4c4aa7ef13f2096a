package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.vault.Vault;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets file an admin fills in before a restore: every write-only secret the backed-up objects need, one
 * table per object, values empty. Optional secrets are written commented out.
 */
public final class SecretsTemplate {
    /** One secret the backup needs: the object's table and the key to fill in. */
    public record Entry(String type, String name, String field, boolean optional) {}

    private SecretsTemplate() {}

    /** What the run (newest, or {@code run}, or as of {@code asOf}) needs, in the order the template lists it. */
    public static List<Entry> entries(Vault vault, Long run, String asOf) {
        BackupSnapshot source = BackupSnapshot.of(vault, run, asOf);
        List<Entry> out = new ArrayList<>();
        for (String type : SecretNeeds.types()) {
            for (String id : source.ids(type)) {
                JsonNode doc = source.doc(type, id).orElse(null);
                if (doc == null) {
                    continue;
                }
                String name = SecretNeeds.name(type, id, doc);
                for (SecretNeeds.Need n : SecretNeeds.of(type, doc)) {
                    if (n.needed().test(doc)) {
                        out.add(new Entry(type, name, n.field(), n.optional()));
                    }
                }
            }
        }
        return out;
    }

    /** The TOML text: a header on how to use it, then one table per object. */
    public static String render(List<Entry> entries) {
        StringBuilder b = new StringBuilder();
        b.append("# LookerVault secrets file: the write-only values Looker never sends back, so no backup holds them.\n")
                .append("# Fill in the values, keep this file out of version control, and make it private:\n")
                .append("#   chmod 600 secrets.toml\n")
                .append("#   lookervault restore bulk --secrets secrets.toml   (or LOOKERVAULT_SECRETS=secrets.toml)\n")
                .append("# An empty value is unset: the object is restored without it and the restore reports it.\n");
        if (entries.isEmpty()) {
            b.append("# The backup holds no object that needs a secret.\n");
        }
        String table = null;
        for (Entry e : entries) {
            String t = SecretsFile.table(e.type(), e.name());
            if (!t.equals(table)) {
                b.append('\n').append(t).append('\n');
                table = t;
            }
            b.append(e.optional() ? "# " : "").append(e.field()).append(" = \"\"")
                    .append(e.optional() ? "   # optional: only if the source had one" : "").append('\n');
        }
        return b.toString();
    }
}
