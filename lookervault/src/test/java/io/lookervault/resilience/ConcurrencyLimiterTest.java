package io.lookervault.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The discovered in-flight limit against a modelled Looker, on a fake clock: no sleeps. */
class ConcurrencyLimiterTest {
    private static final Duration SERVICE = Duration.ofMillis(50);
    private final FakeTime time = new FakeTime();

    /**
     * A Looker as the simulator's {@code --max-concurrent} models it: {@code capacity} requests in service at a
     * time for a fixed service time each, the rest waiting their turn (FIFO). {@code workers} callers send one
     * request after another whenever the limiter lets them; the clock jumps from answer to answer.
     */
    private final class Source {
        private final int workers;
        private PriorityQueue<Long> slots = new PriorityQueue<>();
        private final PriorityQueue<long[]> answers = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        private final Map<Long, ConcurrencyLimiter.Permit> permits = new HashMap<>();
        private long nextId;
        final List<Double> slowdowns = new ArrayList<>();

        Source(int capacity, int workers) {
            this.workers = workers;
            capacity(capacity);
        }

        void capacity(int n) {
            slots = new PriorityQueue<>();
            for (int i = 0; i < n; i++) {
                slots.add(time.nanos());
            }
        }

        /** Runs until {@code requests} more answers came back. */
        void answers(ConcurrencyLimiter limiter, int requests, String kind, Duration service) {
            for (int i = 0; i < requests; i++) {
                fill(limiter, kind, service);
                long[] next = answers.poll();
                time.advance(Duration.ofNanos(next[0] - time.nanos()));
                slowdowns.add((double) (next[0] - next[2]) / service.toNanos());
                permits.remove(next[1]).success();
            }
        }

        void answers(ConcurrencyLimiter limiter, int requests) {
            answers(limiter, requests, "GET /dashboards/{}", SERVICE);
        }

        private void fill(ConcurrencyLimiter limiter, String kind, Duration service) {
            while (permits.size() < workers) {
                ConcurrencyLimiter.Permit p = limiter.tryAcquire(kind);
                if (p == null) {
                    return;
                }
                long now = time.nanos();
                long start = Math.max(now, slots.poll());
                long done = start + service.toNanos();
                slots.add(done);
                answers.add(new long[] {done, nextId, now});
                permits.put(nextId++, p);
            }
        }

        /** Lets every request in flight come back. */
        void drain() {
            while (!answers.isEmpty()) {
                long[] next = answers.poll();
                time.advance(Duration.ofNanos(Math.max(0, next[0] - time.nanos())));
                permits.remove(next[1]).success();
            }
        }

        double meanSlowdownOfLast(int n) {
            return slowdowns.subList(slowdowns.size() - n, slowdowns.size()).stream()
                    .mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        double medianSlowdownOfLast(int n) {
            List<Double> last = new ArrayList<>(slowdowns.subList(slowdowns.size() - n, slowdowns.size()));
            last.sort(null);
            return last.get(n / 2);
        }
    }

    @Test
    void startsGentlyAndGrowsToTheWorkersWhileRoundTripsStaySteady() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(10, time);
        assertThat(limiter.snapshot().limit()).isEqualTo(ConcurrencyLimiter.INITIAL_LIMIT);
        Source looker = new Source(16, 10);
        looker.answers(limiter, 12); // doubled per round trip without a queue: 4, 8, then the workers
        assertThat(limiter.snapshot().limit()).isEqualTo(8);
        looker.answers(limiter, 30);
        assertThat(limiter.snapshot().limit()).isEqualTo(10);
        assertThat(limiter.snapshot().limit()).isEqualTo(10);
        looker.answers(limiter, 5000);
        assertThat(limiter.snapshot().limit()).isEqualTo(10); // never above the workers
    }

    @Test
    void aQuickStartOnABusyLookerBacksOffWithinTwoSecondsAndKeepsRoundTripsNearUnloaded() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(32, time);
        Source looker = new Source(8, 32);
        for (int i = 0; i < 500 && limiter.snapshot().limit() <= 8; i++) {
            looker.answers(limiter, 1);
        }
        assertThat(limiter.snapshot().limit()).isEqualTo(16); // 4, 8, 16: the last one queues 8 in Looker
        long start = time.nanos();
        for (int i = 0; i < 100_000 && limiter.snapshot().limit() > 12; i++) {
            looker.answers(limiter, 1);
        }
        // Vegas cuts by log10(limit) a round: 16 to 12 in about ten loaded round trips
        assertThat(Duration.ofNanos(time.nanos() - start)).isLessThan(Duration.ofSeconds(2));
        looker.answers(limiter, 2000); // the first ten seconds of benchmark 3, start included
        assertThat(looker.medianSlowdownOfLast(looker.slowdowns.size())).isLessThanOrEqualTo(1.5);
    }

    @Test
    void aQueueBuildingInLookerShrinksTheLimitToItsCapacityPlusAFew() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(32, time);
        Source looker = new Source(8, 32);
        looker.answers(limiter, 5000);
        assertThat(limiter.snapshot().limit()).isBetween(9, 11);
        // round trips stay within 1.5x the unloaded ones (benchmark 3), yet a few always wait: Looker is never idle
        assertThat(looker.medianSlowdownOfLast(2000)).isLessThanOrEqualTo(1.5);
        assertThat(looker.meanSlowdownOfLast(2000)).isGreaterThan(1.0);
    }

    @Test
    void followsCapacityDownAndBackUp() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(16, time);
        Source looker = new Source(16, 16);
        looker.answers(limiter, 1000);
        assertThat(limiter.snapshot().limit()).isEqualTo(16);

        looker.capacity(8);
        long halved = time.nanos();
        for (int i = 0; i < 100_000 && limiter.snapshot().limit() > 12; i++) {
            looker.answers(limiter, 1);
        }
        assertThat(Duration.ofNanos(time.nanos() - halved)).isLessThan(Duration.ofSeconds(5));
        looker.answers(limiter, 3000);
        assertThat(limiter.snapshot().limit()).isBetween(9, 11);

        looker.capacity(16);
        long restored = time.nanos();
        for (int i = 0; i < 100_000 && limiter.snapshot().limit() < 16; i++) {
            looker.answers(limiter, 1);
        }
        assertThat(Duration.ofNanos(time.nanos() - restored)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void requestsOfDifferentCostAreNotMistakenForAQueue() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(16, time);
        Source looker = new Source(100, 16);
        for (int i = 0; i < 300; i++) { // cheap list pages and dashboards that take six times as long
            looker.answers(limiter, 7, "GET /dashboards", Duration.ofMillis(50));
            looker.answers(limiter, 3, "GET /dashboards/{}", Duration.ofMillis(300));
        }
        assertThat(limiter.snapshot().limit()).isEqualTo(16);
    }

    @Test
    void overloadAnswersShrinkTheLimitOncePerRound() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(10, time);
        Source looker = new Source(16, 10);
        looker.answers(limiter, 300);
        assertThat(limiter.snapshot().limit()).isEqualTo(10);
        looker.drain();
        time.advance(SERVICE); // the last change has settled

        List<ConcurrencyLimiter.Permit> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(limiter.tryAcquire("GET /looks/{}"));
        }
        time.advance(SERVICE);
        sent.forEach(ConcurrencyLimiter.Permit::overloaded); // ten 429s from one round are one signal
        assertThat(limiter.snapshot().limit()).isEqualTo(9);

        time.advance(SERVICE.plusMillis(1));
        ConcurrencyLimiter.Permit next = limiter.tryAcquire("GET /looks/{}"); // sent once the cut has settled
        time.advance(SERVICE);
        next.overloaded();
        assertThat(limiter.snapshot().limit()).isEqualTo(8);
    }

    @Test
    void aFixedLimitHoldsTheWorkersAndRecordsThem() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.fixed(3);
        List<ConcurrencyLimiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(limiter.tryAcquire("GET /user"));
        }
        assertThat(limiter.tryAcquire("GET /user")).isNull();
        assertThat(limiter.snapshot().describe()).isEqualTo("3/3");
        held.get(0).overloaded(); // no discovery: nothing moves
        held.get(0).success(); // a second report of one permit is ignored
        assertThat(limiter.snapshot()).extracting(ConcurrencyLimiter.Snapshot::inFlight).isEqualTo(2);
        assertThat(limiter.tryAcquire("GET /user")).isNotNull();
        assertThat(limiter.snapshot().moved()).isEqualTo(new LimitHistory.Summary(3, 3, 3));
    }

    @Test
    void historyGivesMinMedianAndMaxWeightedByRequests() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(10, time);
        Source looker = new Source(16, 10);
        looker.answers(limiter, 500);
        looker.drain();
        LimitHistory.Summary moved = limiter.snapshot().moved();
        assertThat(moved.min()).isEqualTo(ConcurrencyLimiter.INITIAL_LIMIT);
        assertThat(moved.median()).isEqualTo(10);
        assertThat(moved.max()).isEqualTo(10);
        assertThat(limiter.snapshot().describe()).isEqualTo("0/10 (auto)");
    }

    @Test
    void theTimelineHasOnePointPerSecondInWhichTheLimitMoved() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.adaptive(16, time);
        Source looker = new Source(16, 16);
        looker.answers(limiter, 3000);
        List<LimitHistory.Point> t = limiter.snapshot().timeline();
        assertThat(t.get(0)).isEqualTo(new LimitHistory.Point(0, ConcurrencyLimiter.INITIAL_LIMIT));
        assertThat(t.get(t.size() - 1).limit()).isEqualTo(16);
        assertThat(t.get(1).second()).isZero(); // grown within the first second: the start is kept all the same
        for (int i = 2; i < t.size(); i++) {
            assertThat(t.get(i).second()).isGreaterThan(t.get(i - 1).second());
            assertThat(t.get(i).limit()).isNotEqualTo(t.get(i - 1).limit());
        }
    }

    @Test
    void aLongTimelineThinsOutButKeepsItsStartAndLatestValue() {
        LimitHistory h = new LimitHistory(0);
        for (int s = 0; s < 5 * LimitHistory.MAX_POINTS; s++) {
            h.moved(s * 1_000_000_000L, 1 + s % 7);
        }
        List<LimitHistory.Point> t = h.timeline();
        assertThat(t).hasSizeLessThanOrEqualTo(LimitHistory.MAX_POINTS);
        assertThat(t.size()).isGreaterThan(LimitHistory.MAX_POINTS / 4);
        assertThat(t.get(0)).isEqualTo(new LimitHistory.Point(0, 1));
        long last = 5L * LimitHistory.MAX_POINTS - 1;
        assertThat(t.get(t.size() - 1)).isEqualTo(new LimitHistory.Point(last, (int) (1 + last % 7)));
    }

    @Test
    void aWorkerWaitsForAFreePlaceAndAnInterruptEndsTheWait() throws Exception {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.fixed(1);
        ConcurrencyLimiter.Permit first = limiter.acquire("GET /user");
        CountDownLatch got = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire("GET /user").success();
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        assertThat(got.await(100, TimeUnit.MILLISECONDS)).isFalse(); // bounded: it must still be waiting
        first.success();
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        waiter.join(10_000);

        ConcurrencyLimiter.Permit held = limiter.acquire("GET /user");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread interrupted = new Thread(() -> {
            try {
                limiter.acquire("GET /user");
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        interrupted.start();
        interrupted.interrupt();
        interrupted.join(10_000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        held.success();
    }
}
