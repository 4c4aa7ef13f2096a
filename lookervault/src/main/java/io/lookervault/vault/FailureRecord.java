package io.lookervault.vault;

/** An item (or list page, operation "list") that still failed after the client's retries. */
public record FailureRecord(long runId, String type, String id, String operation, int status, String message,
                            int attempts) {}
