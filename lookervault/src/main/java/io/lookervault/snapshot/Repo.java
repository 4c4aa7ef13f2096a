package io.lookervault.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot store as a repository: {@code config} (plaintext: format, whether and to whom it is encrypted),
 * for a passphrase store {@code key.age} (its age identity, encrypted to the passphrase),
 * {@code packs/<sha256>}, {@code index/<id>}, {@code tables/<id>} and {@code snapshots/<id>}; all but
 * {@code config} sealed by the {@link Codec}. Opening checks the key against the store before anything else.
 */
public final class Repo implements AutoCloseable {
    static final String CONFIG = "config";
    /** Passphrase stores: the store's own age identity, sealed with the passphrase (age scrypt recipient). */
    static final String KEY = "key.age";
    static final String PASSPHRASE = "age-x25519-passphrase";
    static final String FORMAT = "lookervault-snapshots";
    static final ObjectMapper JSON = new ObjectMapper();

    private final BlobStore store;
    private final Codec codec;

    private Repo(BlobStore store, Codec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** How the user unlocks an encrypted store: an age identity, or the passphrase that seals the store's own. */
    public record Secrets(Optional<AgeKey> key, Optional<String> passphrase, int workFactor) {
        public static Secrets none() {
            return new Secrets(Optional.empty(), Optional.empty(), AgeScrypt.DEFAULT_WORK_FACTOR);
        }
    }

    /**
     * Opens the repository in {@code store}; with {@code create}, makes it if the store is empty (encrypted to
     * {@code key} when {@code encrypt}).
     */
    public static Repo open(BlobStore store, Optional<AgeKey> key, boolean encrypt, boolean create) {
        return open(store, new Secrets(key, Optional.empty(), AgeScrypt.DEFAULT_WORK_FACTOR), encrypt, create);
    }

    /**
     * Opens the repository in {@code store}; with {@code create}, makes it if the store is empty (when
     * {@code encrypt}: to the identity given, else to a new identity sealed with the passphrase).
     */
    public static Repo open(BlobStore store, Secrets secrets, boolean encrypt, boolean create) {
        JsonNode cfg;
        try {
            cfg = JSON.readTree(store.get(CONFIG));
        } catch (BlobStore.MissingObjectException e) {
            if (!create) {
                throw new SnapshotException(store.describe() + " holds no snapshots (no config object): push one"
                        + " first, or check the URL");
            }
            return init(store, secrets, encrypt);
        } catch (IOException e) {
            throw new SnapshotException("the config object of " + store.describe() + " is damaged", e);
        }
        if (!FORMAT.equals(cfg.path("format").asText())) {
            throw new SnapshotException(store.describe() + " is not a LookerVault snapshot store");
        }
        String recipient = cfg.path("recipient").asText("");
        if (recipient.isEmpty()) {
            return new Repo(store, new Codec(Optional.empty()));
        }
        boolean sealedKey = PASSPHRASE.equals(cfg.path("encryption").asText());
        AgeKey k = secrets.key().or(() -> sealedKey ? secrets.passphrase().map(p -> unseal(store, p)) : Optional.empty())
                .orElseThrow(() -> new SnapshotException(store.describe() + " is encrypted (to " + recipient
                        + "): set " + (sealedKey ? "LOOKERVAULT_SNAPSHOT_PASSPHRASE to its passphrase, or " : "")
                        + "LOOKERVAULT_SNAPSHOT_KEY to its age identity"));
        if (!k.recipient().equals(recipient)) {
            throw new SnapshotException("LOOKERVAULT_SNAPSHOT_KEY is not the key of " + store.describe()
                    + " (its recipient is " + recipient + ", the key's is " + k.recipient() + ")");
        }
        return new Repo(store, new Codec(Optional.of(k)));
    }

    private static Repo init(BlobStore store, Secrets secrets, boolean encrypt) {
        if (encrypt && secrets.key().isEmpty() && secrets.passphrase().isEmpty()) {
            throw new SnapshotException("[snapshot] encrypt = true needs LOOKERVAULT_SNAPSHOT_KEY (an age identity:"
                    + " make one with `lookervault snapshot keygen`) or LOOKERVAULT_SNAPSHOT_PASSPHRASE");
        }
        Optional<AgeKey> key = encrypt ? secrets.key().or(() -> Optional.of(AgeKey.generate())) : Optional.empty();
        boolean sealed = encrypt && secrets.key().isEmpty();
        if (sealed) {
            // the sealed identity goes first: a store is made by its config, so a push killed here leaves none
            store.put(KEY, seal(key.get(), secrets.passphrase().get(), secrets.workFactor()));
        }
        ObjectNode cfg = JSON.createObjectNode().put("format", FORMAT).put("version", 1)
                .put("encryption", !encrypt ? "none" : sealed ? PASSPHRASE : "age-x25519")
                .put("recipient", encrypt ? key.get().recipient() : "");
        store.put(CONFIG, cfg.toPrettyString().getBytes(StandardCharsets.UTF_8));
        return new Repo(store, new Codec(key));
    }

    /** The store's identity as an age-keygen file, age-encrypted to the passphrase (scrypt), for {@code age -d}. */
    private static byte[] seal(AgeKey key, String passphrase, int workFactor) {
        String file = "# LookerVault snapshot store identity\n# public key: " + key.recipient() + "\n" + key.identity()
                + "\n";
        return AgeKey.encrypt(file.getBytes(StandardCharsets.UTF_8),
                AgeScrypt.writer(passphrase.getBytes(StandardCharsets.UTF_8), workFactor));
    }

    private static AgeKey unseal(BlobStore store, String passphrase) {
        byte[] sealed = store.get(KEY);
        byte[] file;
        try {
            file = AgeKey.decrypt(sealed, AgeScrypt.reader(passphrase.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new SnapshotException("LOOKERVAULT_SNAPSHOT_PASSPHRASE does not open " + store.describe()
                    + ": wrong passphrase (or its key object was altered)");
        }
        String identity = new String(file, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("AGE-SECRET-KEY-"))
                .findFirst().orElseThrow(() -> new SnapshotException("the key object of " + store.describe()
                        + " holds no age identity"));
        return AgeKey.parse(identity);
    }

    public BlobStore store() {
        return store;
    }

    public boolean encrypted() {
        return codec.encrypted();
    }

    Codec codec() {
        return codec;
    }

    /** Reads and opens a sealed object. */
    byte[] read(String key, String what) {
        return codec.open(store.get(key), what);
    }

    /** Seals and writes an object; returns the bytes written. */
    long write(String key, byte[] plain) {
        byte[] sealed = codec.seal(plain);
        store.put(key, sealed);
        return sealed.length;
    }

    /** Downloads a pack, checks it against its name (the SHA-256 of its sealed bytes), and opens it. */
    byte[] openPack(String pack) {
        byte[] sealed = store.get("packs/" + pack);
        if (!io.lookervault.vault.Hashes.sha256(sealed).equals(pack)) {
            throw new SnapshotException("pack " + pack + " does not match its SHA-256: the store was altered");
        }
        return codec.open(sealed, "pack " + pack);
    }

    /**
     * Every index file merged. Parsed as a stream (no JSON tree): a 481,000-item vault's index names ~650,000
     * documents and chunks, whose tree alone would not fit the CLI's heap.
     */
    public PackIndex index() {
        PackIndex idx = new PackIndex();
        for (String key : store.list("index/")) {
            idx.addIndexFile(key);
            byte[] plain = read(key, "index " + key);
            try (JsonParser p = JSON.getFactory().createParser(plain)) {
                expect(p.nextToken(), JsonToken.START_OBJECT, key);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (!field.equals("packs")) {
                        p.skipChildren();
                        continue;
                    }
                    expect(value, JsonToken.START_OBJECT, key);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String pack = p.currentName();
                        expect(p.nextToken(), JsonToken.START_ARRAY, key);
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            expect(p.nextToken(), JsonToken.VALUE_STRING, key);
                            String hash = p.getText();
                            expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, key);
                            int offset = p.getIntValue();
                            expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT, key);
                            int length = p.getIntValue();
                            expect(p.nextToken(), JsonToken.END_ARRAY, key);
                            idx.add(hash, new PackIndex.Entry(pack, offset, length));
                        }
                    }
                }
            } catch (IOException e) {
                throw new SnapshotException("index " + key + " is damaged in the store", e);
            }
        }
        return idx;
    }

    private static void expect(JsonToken got, JsonToken want, String key) {
        if (got != want) {
            throw new SnapshotException("index " + key + " is damaged in the store (" + want + " expected, " + got
                    + " found)");
        }
    }

    /** Writes one index file for the entries given, grouped by pack; streamed, like {@link #index()} reads it. */
    long writeIndex(String key, Map<String, PackIndex.Entry> entries) {
        Map<String, List<Map.Entry<String, PackIndex.Entry>>> byPack = new java.util.TreeMap<>();
        entries.entrySet().forEach(e -> byPack.computeIfAbsent(e.getValue().pack(), k -> new ArrayList<>()).add(e));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(1024, entries.size() * 90));
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("packs");
            for (Map.Entry<String, List<Map.Entry<String, PackIndex.Entry>>> pack : byPack.entrySet()) {
                g.writeArrayFieldStart(pack.getKey());
                for (Map.Entry<String, PackIndex.Entry> e : pack.getValue()) {
                    g.writeStartArray();
                    g.writeString(e.getKey());
                    g.writeNumber(e.getValue().offset());
                    g.writeNumber(e.getValue().length());
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return write(key, out.toByteArray());
    }

    /** Snapshot ids, oldest first (ids sort by time). */
    public List<String> snapshotIds() {
        return store.list("snapshots/").stream().map(k -> k.substring("snapshots/".length())).sorted().toList();
    }

    public Manifest manifest(String id) {
        byte[] plain = read("snapshots/" + id, "the manifest of snapshot " + id);
        try {
            return JSON.readValue(plain, Manifest.class);
        } catch (IOException e) {
            throw new SnapshotException("the manifest of snapshot " + id + " is damaged (" + e.getClass()
                    .getSimpleName() + ")", e);
        }
    }

    /** All manifests, oldest first. */
    public List<Manifest> manifests() {
        List<Manifest> out = new ArrayList<>();
        snapshotIds().forEach(id -> out.add(manifest(id)));
        out.sort(Comparator.comparing(Manifest::id));
        return out;
    }

    /** The id named by {@code ref}: a whole id, a unique prefix of one, or {@code latest}. */
    public String resolve(String ref) {
        List<String> ids = snapshotIds();
        if (ids.isEmpty()) {
            throw new SnapshotException(store.describe() + " holds no snapshots yet");
        }
        if (ref.equals("latest")) {
            return ids.get(ids.size() - 1);
        }
        List<String> hits = ids.stream().filter(id -> id.startsWith(ref)).toList();
        if (hits.size() != 1) {
            throw new SnapshotException((hits.isEmpty() ? "no snapshot " : "more than one snapshot starts with ")
                    + ref + " in " + store.describe() + ": see `lookervault snapshot list`");
        }
        return hits.get(0);
    }

    static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(byte[] plain, String what) {
        try {
            return JSON.readTree(plain);
        } catch (IOException e) {
            throw new SnapshotException(what + " is damaged in the store", e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
