package io.lookersim;

import java.time.Clock;

/** Settings of one simulator (see LookerSim.Builder). Immutable. */
public record SimConfig(int port, String clientId, String clientSecret, int scale, long seed, int latencyMs,
                        int perItemLatencyMicros, int maxConcurrent, double rateLimitPerSecond, double faultRate,
                        int tokenTtlSeconds, int requestLogLimit, Clock clock) {}
