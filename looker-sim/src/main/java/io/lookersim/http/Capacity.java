package io.lookersim.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The capacity model: at most maxConcurrent requests in service (the rest wait their turn, FIFO), a token-bucket
 * rate limit, and a service time per request. Off when the knobs are 0. Thread-safe.
 */
public final class Capacity {
    private final Slots slots;
    private int maxConcurrent;
    private final double ratePerSecond;
    private final LongSupplier nanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private double tokens;
    private long lastRefill;

    public Capacity(int maxConcurrent, double ratePerSecond, LongSupplier nanos) {
        this.slots = maxConcurrent > 0 ? new Slots(maxConcurrent) : null;
        this.maxConcurrent = maxConcurrent;
        this.ratePerSecond = ratePerSecond;
        this.nanos = nanos;
        this.tokens = Math.max(1, ratePerSecond);
        this.lastRefill = nanos.getAsLong();
    }

    /** Takes a rate-limit token; returns -1 when allowed, else the whole seconds to wait (Retry-After, at least 1). */
    public synchronized int tryRate() {
        if (ratePerSecond <= 0) return -1;
        long now = nanos.getAsLong();
        tokens = Math.min(Math.max(1, ratePerSecond), tokens + (now - lastRefill) / 1e9 * ratePerSecond);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return -1;
        }
        return (int) Math.max(1, Math.ceil((1 - tokens) / ratePerSecond));
    }

    public void enter() throws InterruptedException {
        if (slots != null) slots.acquire();
        int n = inFlight.incrementAndGet();
        peak.accumulateAndGet(n, Math::max);
    }

    public void leave() {
        inFlight.decrementAndGet();
        if (slots != null) slots.release();
    }

    public int peak() { return peak.get(); }

    /**
     * Serves {@code n} requests at a time from now on, as a Looker does when other users load it or it scales:
     * requests in service finish; a smaller number takes effect as they leave.
     */
    public synchronized void maxConcurrent(int n) {
        if (slots == null || n < 1) {
            throw new IllegalArgumentException("capacity can change only on a simulator started with"
                    + " --max-concurrent, to 1 or more");
        }
        if (n > maxConcurrent) {
            slots.release(n - maxConcurrent);
        } else {
            slots.shrink(maxConcurrent - n);
        }
        maxConcurrent = n;
    }

    public synchronized int maxConcurrent() { return maxConcurrent; }

    /** A fair semaphore whose number of permits can shrink (Semaphore keeps reducePermits protected). */
    private static final class Slots extends Semaphore {
        Slots(int n) { super(n, true); }

        void shrink(int n) { reducePermits(n); }
    }

    public int inFlight() { return inFlight.get(); }

    /** Requests that arrived and wait for a slot (Looker's queue; 0 without --max-concurrent). Approximate. */
    public int waiting() { return slots == null ? 0 : slots.getQueueLength(); }
}
