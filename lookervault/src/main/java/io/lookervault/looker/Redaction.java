package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials that live inside ordinary fields of content, for everything a person or a log sees. A
 * schedule's webhook destination is a URL whose path or query is the token (Slack, Teams, Zapier hooks), and a
 * destination address may carry {@code user:password@}. The vault keeps them whole, because a restore must
 * write them back; output, diffs and the dead-letter queue show {@code https://host/***} instead.
 */
public final class Redaction {
    /** What stands for a masked part. */
    public static final String MASK = "***";
    private static final Pattern ADDRESS_IN_TEXT = Pattern.compile("(\"address\"\\s*:\\s*\")([^\"]*)(\")");

    private Redaction() {}

    /** A copy of {@code doc} with every URL-valued {@code address} (at any depth) masked. */
    public static JsonNode mask(JsonNode doc) {
        if (doc == null || !doc.isContainerNode()) {
            return doc;
        }
        JsonNode copy = doc.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    /** {@code text} (a request line with its JSON body) with every URL-valued {@code address} masked. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ADDRESS_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + maskUrl(m.group(2)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code scheme://host[:port]/***} for a URL with a path, query or user info beyond its host; any other
     * string (an e-mail address, a bare host) unchanged.
     */
    public static String maskUrl(String value) {
        if (value == null || !value.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            return value;
        }
        try {
            URI u = URI.create(value);
            if (u.getHost() == null) {
                return MASK;
            }
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            boolean secretish = u.getRawUserInfo() != null || u.getRawQuery() != null || path.length() > 1;
            String hostPort = u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
            return secretish ? u.getScheme() + "://" + hostPort + "/" + MASK : value;
        } catch (IllegalArgumentException e) {
            return MASK; // not a URL Java can read: mask it whole rather than guess where its token is
        }
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && e.getKey().equals("address")) {
                    e.setValue(o.textNode(maskUrl(e.getValue().asText())));
                } else {
                    maskInPlace(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Redaction::maskInPlace);
        }
    }
}
