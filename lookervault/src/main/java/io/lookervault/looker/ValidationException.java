package io.lookervault.looker;

import java.util.List;

/** 422: Looker rejected a request body; {@link #errors()} says which fields and why. Permanent. */
public class ValidationException extends LookerException {
    /** One field error of a 422 answer. */
    public record FieldError(String field, String code, String message) {}

    private final List<FieldError> errors;

    public ValidationException(String method, String path, String message, List<FieldError> errors) {
        super(method, path, 422, message, null);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
