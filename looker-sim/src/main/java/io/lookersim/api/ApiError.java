package io.lookersim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lookersim.json.JsonNodes;

/** A Looker error answer (Error, or ValidationError for 422) raised by a handler. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final transient ArrayNode errors;

    public ApiError(int status, String message, ArrayNode errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public int status() { return status; }

    public ArrayNode errors() { return errors; }

    public static ApiError notFound() { return new ApiError(404, "Not found", null); }

    public static ApiError badRequest(String m) { return new ApiError(400, m, null); }

    public static ApiError conflict(String m) { return new ApiError(409, m, null); }

    public static ApiError notAllowed(String m) { return new ApiError(405, m, null); }

    /** 422 with one field error per missing/invalid field, each {field, code, message, documentation_url}. */
    public static ApiError validation(String field, String code, String message) {
        ArrayNode a = JsonNodes.arr();
        a.addObject().put("field", field).put("code", code).put("message", message);
        return new ApiError(422, "Validation Failed", a);
    }

    public static ApiError missing(String field) { return validation(field, "missing", "This field is required."); }
}
