package io.lookersim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.lookersim.conformance.OasSchemaConverter.Presence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates Looker API response bodies against the official OAS 3.0 spec ({@code Looker.4.0.oas.json}).
 *
 * <p>Given (method, concrete path or operationId, status, body) it finds the operation, the schema declared for
 * that status, and validates types, nullable, enums, required, $ref, items and additionalProperties maps (see
 * {@link OasSchemaConverter} for the exact rules). Following NOTES §11: 401 and 503 are accepted although
 * undeclared (their body, if any, must be an {@code Error}); a 204 must have an empty body whatever the spec
 * says; readOnly properties are never rejected.
 *
 * <p>Immutable after {@link #load}; thread-safe (compiled schemas are cached in a concurrent map).
 */
public final class SpecValidator {
    private static final String DOC_IRI = "https://lookervault.invalid/looker-4.0-definitions.json";
    private static final String TRIMMED_DOC_IRI = "https://lookervault.invalid/looker-4.0-definitions-trimmed.json";
    private static final String COMPLETE_DOC_IRI = "https://lookervault.invalid/looker-4.0-definitions-complete.json";
    private static final String API_PREFIX = "/api/4.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile SpecValidator shared;

    private final List<SpecOperation> operations;
    private final Map<String, SpecOperation> byId;
    private final OasSchemaConverter converter = new OasSchemaConverter(DOC_IRI, Presence.SPEC);
    private final OasSchemaConverter trimmedConverter = new OasSchemaConverter(TRIMMED_DOC_IRI, Presence.TRIMMED);
    private final OasSchemaConverter completeConverter = new OasSchemaConverter(COMPLETE_DOC_IRI, Presence.COMPLETE);
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> readOnly;

    private SpecValidator(JsonNode spec) {
        this.operations = SpecIndex.operations(spec);
        Map<String, SpecOperation> ids = new HashMap<>();
        operations.forEach(op -> ids.put(op.operationId(), op));
        this.byId = Map.copyOf(ids);
        JsonNode components = spec.path("components").path("schemas");
        Map<String, Set<String>> ro = new HashMap<>();
        components.fields().forEachRemaining(c -> {
            Set<String> names = new TreeSet<>();
            c.getValue().path("properties").fields().forEachRemaining(p -> {
                if (p.getValue().path("readOnly").asBoolean(false)) {
                    names.add(p.getKey());
                }
            });
            ro.put(c.getKey(), Set.copyOf(names));
        });
        this.readOnly = Map.copyOf(ro);
        Map<String, String> documents = Map.of(DOC_IRI, converter.document(components).toString(),
                TRIMMED_DOC_IRI, trimmedConverter.document(components).toString(),
                COMPLETE_DOC_IRI, completeConverter.document(components).toString());
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft7(),
                b -> b.schemas(documents).schemaRegistryConfig(config));
    }

    /** Loads the spec from its usual place ({@link SpecLocation#fullSpec()}). */
    public static SpecValidator load() {
        return load(SpecLocation.fullSpec());
    }

    public static SpecValidator load(Path spec) {
        try {
            return new SpecValidator(JSON.readTree(spec.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Looker spec " + spec, e);
        }
    }

    /** One instance per JVM: loading and converting the 2 MB spec takes about a second. */
    public static SpecValidator shared() {
        SpecValidator v = shared;
        if (v == null) {
            synchronized (SpecValidator.class) {
                if (shared == null) {
                    shared = load();
                }
                v = shared;
            }
        }
        return v;
    }

    /** The readOnly properties of a component schema, which a client strips before writing (NOTES §5). */
    public Set<String> readOnlyProperties(String schema) {
        Set<String> names = readOnly.get(schema);
        if (names == null) {
            throw new IllegalArgumentException("no schema " + schema + " in the spec");
        }
        return names;
    }

    public List<SpecOperation> operations() {
        return operations;
    }

    public SpecOperation operation(String operationId) {
        SpecOperation op = byId.get(operationId);
        if (op == null) {
            throw new IllegalArgumentException("no operation " + operationId + " in the spec");
        }
        return op;
    }

    /** The operation serving a concrete request path (absolute URL, or path with or without /api/4.0). */
    public Optional<SpecOperation> find(String method, String path) {
        String[] segments = apiPath(path).substring(1).split("/", -1);
        return operations.stream().filter(op -> op.matches(method, segments))
                .max(Comparator.comparingInt(SpecOperation::literalSegments));
    }

    /**
     * Problems with a response, empty when it conforms. {@code pathOrOperationId} is a request path/URL (starting
     * with '/' or 'http') or an operationId.
     */
    public List<String> validate(String method, String pathOrOperationId, int status, String body) {
        return validate(method, pathOrOperationId, status, body, converter);
    }

    /**
     * As {@link #validate} for an answer trimmed with {@code fields=}: every rule holds except {@code required},
     * since the client asked for fewer properties.
     */
    public List<String> validateTrimmed(String method, String pathOrOperationId, int status, String body) {
        return validate(method, pathOrOperationId, status, body, trimmedConverter);
    }

    /**
     * As {@link #validate}, and every {@code nullable: false} property must be present: Looker serialises whole
     * models, so an untrimmed answer lacking one (say {@code Dashboard.id}) is not what Looker sends (NOTES §5).
     */
    public List<String> validateComplete(String method, String pathOrOperationId, int status, String body) {
        return validate(method, pathOrOperationId, status, body, completeConverter);
    }

    private List<String> validate(String method, String pathOrOperationId, int status, String body,
            OasSchemaConverter mode) {
        SpecOperation op = resolve(method, pathOrOperationId);
        if (op == null) {
            return List.of("no spec operation for " + method + " " + pathOrOperationId);
        }
        String code = Integer.toString(status);
        boolean empty = body == null || body.isEmpty();
        if (status == 204) {
            return empty ? List.of() : List.of(op + ": 204 with a body (" + excerpt(body) + ")");
        }
        JsonNode schema;
        if (op.declaredStatuses().contains(code)) {
            schema = op.jsonResponses().get(code);
        } else if (status == 401 || status == 503) {
            schema = JSON.createObjectNode().put("$ref", "#/components/schemas/Error");
        } else {
            return List.of(op + ": status " + status + " is not declared (declared: " + op.declaredStatuses() + ")");
        }
        if (schema == null) {
            return List.of();
        }
        if (empty) {
            return List.of(op + " " + status + ": empty body, expected JSON");
        }
        return validateBody(op + " " + status, schema, body, mode);
    }

    /** Throws an AssertionError listing every problem with a response. */
    public void assertValid(String method, String pathOrOperationId, int status, String body) {
        List<String> problems = validate(method, pathOrOperationId, status, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + pathOrOperationId + " -> " + status + " does not conform:\n  "
                    + String.join("\n  ", problems) + "\n  body: " + excerpt(body));
        }
    }

    private SpecOperation resolve(String method, String pathOrOperationId) {
        if (pathOrOperationId.startsWith("/") || pathOrOperationId.startsWith("http")) {
            return find(method, pathOrOperationId).orElse(null);
        }
        SpecOperation op = byId.get(pathOrOperationId);
        return op != null && op.method().equalsIgnoreCase(method) ? op : null;
    }

    private List<String> validateBody(String what, JsonNode oasSchema, String body, OasSchemaConverter mode) {
        try {
            JSON.readTree(body);
        } catch (IOException e) {
            return List.of(what + ": body is not JSON: " + excerpt(body));
        }
        String key = System.identityHashCode(mode) + ":" + oasSchema;
        Schema schema = compiled.computeIfAbsent(key,
                k -> registry.getSchema(mode.responseSchema(oasSchema).toString(), InputFormat.JSON));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        List<String> out = new ArrayList<>();
        for (Error e : errors.subList(0, Math.min(errors.size(), 20))) {
            out.add(what + ": " + e.getInstanceLocation() + " " + e.getMessage());
        }
        if (errors.size() > 20) {
            out.add(what + ": ... and " + (errors.size() - 20) + " more");
        }
        return out;
    }

    static String apiPath(String pathOrUrl) {
        String path = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl).getRawPath() : pathOrUrl;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.startsWith(API_PREFIX)) {
            path = path.substring(API_PREFIX.length());
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A body for a failure message: access tokens masked (they never go to output), long bodies cut. */
    static String excerpt(String raw) {
        if (raw == null) {
            return "<none>";
        }
        String body = raw.replaceAll("(\"access_token\"\\s*:\\s*\")[^\"]*", "$1***");
        return body.length() <= 400 ? body : body.substring(0, 400) + "...(" + body.length() + " chars)";
    }
}
