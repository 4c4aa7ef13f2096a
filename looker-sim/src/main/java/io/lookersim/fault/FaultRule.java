package io.lookersim.fault;

/**
 * One programmed fault. Matches requests by operationId (and optionally one path parameter value); fires on the
 * nth matching request counted from the rule's creation (0 = from the first), `times` times (0 = forever).
 *
 * @param action     STATUS (answer status with Looker's Error body), RESET (close without answer), SLOW (delay
 *                   delayMs then answer normally) or TRUNCATE (send half the body)
 * @param retryAfter seconds for the Retry-After header (with STATUS 429/503), or -1 for none
 */
public record FaultRule(String operationId, String paramName, String paramValue, int nth, int times, Action action,
                        int status, int retryAfter, int delayMs) {
    public enum Action { STATUS, RESET, SLOW, TRUNCATE }

    public static FaultRule status(String op, int status) { return new FaultRule(op, null, null, 0, 0, Action.STATUS, status, -1, 0); }

    public static FaultRule reset(String op) { return new FaultRule(op, null, null, 0, 0, Action.RESET, 0, -1, 0); }

    public static FaultRule slow(String op, int ms) { return new FaultRule(op, null, null, 0, 0, Action.SLOW, 0, -1, ms); }

    public static FaultRule truncate(String op) { return new FaultRule(op, null, null, 0, 0, Action.TRUNCATE, 0, -1, 0); }

    public FaultRule on(String param, String value) { return new FaultRule(operationId, param, value, nth, times, action, status, retryAfter, delayMs); }

    public FaultRule nth(int n) { return new FaultRule(operationId, paramName, paramValue, n, times, action, status, retryAfter, delayMs); }

    public FaultRule times(int t) { return new FaultRule(operationId, paramName, paramValue, nth, t, action, status, retryAfter, delayMs); }

    public FaultRule retryAfter(int s) { return new FaultRule(operationId, paramName, paramValue, nth, times, action, status, s, delayMs); }
}
