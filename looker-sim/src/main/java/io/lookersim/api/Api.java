package io.lookersim.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The operation table: operationId → handler. Filled once at start, then read-only: thread-safe. */
public final class Api {
    private final Map<String, Function<ApiRequest, ApiResponse>> handlers = new HashMap<>();

    public Api on(String operationId, Function<ApiRequest, ApiResponse> h) {
        handlers.put(operationId, h);
        return this;
    }

    public Function<ApiRequest, ApiResponse> handler(String operationId) { return handlers.get(operationId); }

    public java.util.Set<String> operationIds() { return handlers.keySet(); }
}
