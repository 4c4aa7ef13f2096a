package io.lookersim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns OpenAPI 3.0 schema objects into JSON Schema draft-07, which a stock validator understands.
 *
 * <p>Why a conversion and not the validator's OpenAPI dialect: OAS 3.0 {@code nullable} is not JSON Schema, the
 * Looker spec uses the non-standard {@code type: any}, and a bare {@code $ref} cannot carry {@code nullable} in
 * OAS 3.0 (siblings of $ref are ignored). Making each rule explicit here keeps the validator's verdicts
 * explainable. Rules:
 * <ul>
 *   <li>{@code nullable: true} with a {@code type} becomes {@code type: [T, "null"]}; an {@code enum} then also
 *       admits {@code null}.</li>
 *   <li>{@code type: any} / {@code format: any} impose nothing; a schema with {@code properties} and no type is an
 *       object (most Looker models omit {@code type: object}).</li>
 *   <li>{@code #/components/schemas/X} refs point into the converted document at {@code <docIri>#/definitions/X}.</li>
 *   <li>An object property that is a bare {@code $ref} also admits {@code null}: the spec cannot say nullable there,
 *       and real Looker sends {@code null} for absent nested objects (e.g. DashboardElement.query of a text tile).
 *       Top-level bodies and array items stay strict.</li>
 *   <li>Formats kept as assertions: date-time, date, uri-reference. Numeric formats (int64, float, double) only
 *       say storage size and are dropped. readOnly, writeOnly, description and x-* are annotations and dropped:
 *       readOnly properties are expected in responses.</li>
 *   <li>Presence ({@link Presence}): none for trimmed answers, the spec's {@code required}, or also every
 *       {@code nullable: false} property, which Looker always sends, except write-only ones (secrets), which
 *       it never sends.</li>
 *   <li>Objects with declared properties are closed ({@code additionalProperties: false}). The spec never says so,
 *       but Looker's answers are serialised from the very models the spec is generated from, so a property it does
 *       not declare (say {@code Dashboard.space_id}) is a simulator invention or typo.</li>
 *   <li>An {@code enum} on an array property (Integration.supported_formats and 5 others) lists the allowed
 *       items, as its description says; it moves to {@code items}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class OasSchemaConverter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final Set<String> ASSERTED_FORMATS = Set.of("date-time", "date", "uri-reference");
    private static final Set<String> KEPT = Set.of("type", "format", "enum", "required", "items", "properties",
            "additionalProperties", "$ref", "nullable", "minimum", "maximum", "minItems", "maxItems", "pattern",
            "minLength", "maxLength", "allOf", "anyOf", "oneOf");

    /** Which properties must be present. */
    enum Presence {
        /** None: for answers trimmed by {@code fields=}, which omit properties on request. */
        TRIMMED,
        /** The spec's {@code required} lists. */
        SPEC,
        /** Also every {@code nullable: false} property: Looker always sends those (NOTES §5). */
        COMPLETE
    }

    private final String docIri;
    private final Presence presence;

    OasSchemaConverter(String docIri, Presence presence) {
        this.docIri = docIri;
        this.presence = presence;
    }

    /** The draft-07 document holding every component schema under {@code definitions}. */
    ObjectNode document(JsonNode componentSchemas) {
        ObjectNode defs = F.objectNode();
        componentSchemas.fields().forEachRemaining(e -> defs.set(e.getKey(), convert(e.getValue(), false)));
        ObjectNode doc = F.objectNode();
        doc.put("$schema", "http://json-schema.org/draft-07/schema#");
        doc.put("$id", docIri);
        doc.set("definitions", defs);
        return doc;
    }

    /** A standalone draft-07 schema for one response body; its refs point into {@link #document}. */
    ObjectNode responseSchema(JsonNode oasSchema) {
        ObjectNode out = convert(oasSchema, false);
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        return out;
    }

    ObjectNode convert(JsonNode oas, boolean nullableRef) {
        if (oas.has("$ref")) {
            return ref(oas.get("$ref").asText(), nullableRef);
        }
        ObjectNode out = F.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = oas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (KEPT.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        if (presence == Presence.TRIMMED) {
            out.remove("required");
        } else if (presence == Presence.COMPLETE) {
            requireNonNullable(oas, out);
        }
        convertChildren(oas, out);
        if (out.has("properties") && !oas.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        moveArrayEnumToItems(out);
        applyTypeAndNullable(oas, out);
        applyFormat(out);
        return out;
    }

    private static void requireNonNullable(JsonNode oas, ObjectNode out) {
        ArrayNode required = out.has("required") ? (ArrayNode) out.get("required") : F.arrayNode();
        oas.path("properties").fields().forEachRemaining(p -> {
            boolean listed = false;
            for (JsonNode r : required) {
                listed |= r.asText().equals(p.getKey());
            }
            // write-only properties (secrets such as Project.unset_deploy_secret) are accepted, never answered
            boolean writeOnly = p.getValue().path("x-looker-write-only").asBoolean(false);
            if (!p.getValue().path("nullable").asBoolean(true) && !listed && !writeOnly) {
                required.add(p.getKey());
            }
        });
        if (required.size() > 0) {
            out.set("required", required);
        }
    }

    private ObjectNode ref(String ref, boolean nullable) {
        if (!ref.startsWith(COMPONENT_PREFIX)) {
            throw new IllegalArgumentException("unsupported $ref " + ref);
        }
        ObjectNode r = F.objectNode().put("$ref", docIri + "#/definitions/" + ref.substring(COMPONENT_PREFIX.length()));
        if (!nullable) {
            return r;
        }
        ArrayNode anyOf = F.arrayNode().add(r).add(F.objectNode().put("type", "null"));
        return F.objectNode().set("anyOf", anyOf);
    }

    private void convertChildren(JsonNode oas, ObjectNode out) {
        if (oas.has("properties")) {
            ObjectNode props = F.objectNode();
            oas.get("properties").fields().forEachRemaining(e -> props.set(e.getKey(), convert(e.getValue(), true)));
            out.set("properties", props);
        }
        if (oas.has("items")) {
            out.set("items", convert(oas.get("items"), false));
        }
        JsonNode ap = oas.get("additionalProperties");
        if (ap != null && ap.isObject()) {
            out.set("additionalProperties", convert(ap, false));
        }
        for (String combiner : new String[] {"allOf", "anyOf", "oneOf"}) {
            if (oas.has(combiner)) {
                ArrayNode list = F.arrayNode();
                oas.get(combiner).forEach(s -> list.add(convert(s, false)));
                out.set(combiner, list);
            }
        }
    }

    private static void applyTypeAndNullable(JsonNode oas, ObjectNode out) {
        boolean nullable = oas.path("nullable").asBoolean(false);
        out.remove("nullable");
        String type = oas.path("type").asText("");
        if (type.isEmpty() && oas.has("properties")) {
            type = "object";
            out.put("type", type);
        }
        if ("any".equals(type)) {
            out.remove("type");
            return;
        }
        if (nullable && !type.isEmpty()) {
            out.set("type", F.arrayNode().add(type).add("null"));
        }
        if (nullable && out.has("enum") && !containsNull(out.get("enum"))) {
            ((ArrayNode) out.get("enum")).addNull();
        }
    }

    private static void moveArrayEnumToItems(ObjectNode out) {
        if ("array".equals(out.path("type").asText()) && out.has("enum") && out.get("items") instanceof ObjectNode) {
            ((ObjectNode) out.get("items")).set("enum", out.remove("enum"));
        }
    }

    private static boolean containsNull(JsonNode values) {
        for (JsonNode v : values) {
            if (v.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static void applyFormat(ObjectNode out) {
        JsonNode format = out.get("format");
        if (format != null && !ASSERTED_FORMATS.contains(format.asText())) {
            out.remove("format");
        }
    }
}
