package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The write-only values a restore needs and Looker never sends back (a connection's password, an OIDC client
 * secret), from a TOML file the admin fills in: one table per type and object name, e.g.
 * {@code [connections."warehouse"] password = "..."}, or per singleton, e.g. {@code [oidc_config] secret = "..."}.
 * An empty value counts as unset (that is what {@code secrets template} writes). The file must be readable by
 * its owner only; values are never printed ({@link #toString()} is masked). Immutable and thread-safe.
 */
public final class SecretsFile {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final SecretsFile NONE = new SecretsFile(MissingNode.getInstance(), null);
    private final JsonNode root;
    private final Path path;

    private SecretsFile(JsonNode root, Path path) {
        this.root = root;
        this.path = path;
    }

    /** No file: every lookup is empty, so each secret an object needs is reported missing. */
    public static SecretsFile none() {
        return NONE;
    }

    /**
     * Reads the file; refuses (with a message saying what to do) one that is missing, readable or writable by
     * group or others (mode 0600 or 0400 only), or not TOML.
     */
    public static SecretsFile load(Path path) {
        try {
            if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
                if (perms.stream().anyMatch(OTHERS::contains)) {
                    throw new RestoreException("secrets file " + path + " has mode "
                            + PosixFilePermissions.toString(perms) + ": it must be readable by its owner only;"
                            + " run chmod 600 " + path);
                }
            }
            JsonNode root = new TomlMapper().readTree(path.toFile());
            return new SecretsFile(root == null ? MissingNode.getInstance() : root, path);
        } catch (NoSuchFileException e) {
            throw new RestoreException("secrets file " + path + " does not exist; write one with"
                    + " `lookervault secrets template > secrets.toml` and chmod 600 it");
        } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
            // only the position: the parser's own message may quote the text around it, which may be a secret
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new RestoreException("secrets file " + path + " is not valid TOML" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + "; see the example in"
                    + " `lookervault secrets template`");
        } catch (IOException e) {
            throw new RestoreException("cannot read secrets file " + path + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * The value of {@code field} for the object {@code name} of {@code type} ({@code name} null: the singleton
     * {@code type}); a dotted field names a nested key ({@code pdt_context_override.password}). Empty when absent,
     * empty or not a string.
     */
    public Optional<String> get(String type, String name, String field) {
        JsonNode n = root.path(type);
        if (name != null) {
            n = n.path(name);
        }
        for (String part : field.split("\\.")) {
            n = n.path(part);
        }
        return n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
    }

    /** Whether a file was given at all (for the summary: "no secrets file" vs "secret unset"). */
    public boolean present() {
        return path != null;
    }

    /** How a TOML table names an object, as messages and the template write it. */
    static String table(String type, String name) {
        return name == null ? "[" + type + "]" : "[" + type + ".\"" + name.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"]";
    }

    @Override
    public String toString() {
        return path == null ? "SecretsFile[none]" : "SecretsFile[" + path + ", values masked]";
    }
}
