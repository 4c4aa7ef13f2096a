package io.lookervault.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A fake clock whose sleeper advances it instead of waiting; records every sleep. */
public final class FakeTime implements Ticker, Sleeper {
    private long now = 1_000_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration d) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(d);
        now += d.toNanos();
    }

    public synchronized void advance(Duration d) {
        now += d.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
