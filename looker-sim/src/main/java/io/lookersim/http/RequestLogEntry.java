package io.lookersim.http;

import java.util.Map;

/** One served request, as recorded by the simulator (status 0 = connection reset by a fault). */
public record RequestLogEntry(long seq, String method, String path, String operationId, Map<String, String> pathParams,
                              Map<String, String> query, int status, long micros) {}
