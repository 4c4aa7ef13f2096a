package io.lookervault.looker;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A whole-body reader with a deadline. The request timeout of java.net.http stops at the response headers,
 * so a body that stalls half-way would block a synchronous {@code send} forever; this subscriber cancels
 * the exchange and fails with {@link HttpTimeoutException} when the body is not complete by the deadline.
 * (A synchronous send is used because {@code sendAsync} hands every answer to a new thread on machines
 * with two cores or fewer, where CompletableFuture has no common pool.)
 */
final class DeadlineBody {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "http-deadline");
        t.setDaemon(true);
        return t;
    });

    private DeadlineBody() {}

    /** The body passed the size cap; the exchange was cancelled. */
    static final class TooLarge extends java.io.IOException {
        TooLarge(long cap) {
            super("answer body larger than " + cap + " bytes");
        }
    }

    /**
     * Reads the body as bytes, failing if it is not complete by {@code deadlineNanos} (System.nanoTime), or
     * with {@link TooLarge} as soon as it passes {@code maxBytes}.
     */
    static HttpResponse.BodyHandler<byte[]> bytesBy(long deadlineNanos, long maxBytes) {
        return info -> new Subscriber(HttpResponse.BodySubscribers.ofByteArray(), deadlineNanos, maxBytes);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> inner;
        private final long deadlineNanos;
        private final long maxBytes;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long received;

        Subscriber(HttpResponse.BodySubscriber<byte[]> inner, long deadlineNanos, long maxBytes) {
            this.inner = inner;
            this.deadlineNanos = deadlineNanos;
            this.maxBytes = maxBytes;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            ScheduledFuture<?> timer = TIMER.schedule(() -> {
                if (body.completeExceptionally(new HttpTimeoutException("answer body not complete by the deadline"))) {
                    subscription.cancel();
                }
            }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            inner.getBody().whenComplete((bytes, error) -> {
                timer.cancel(false);
                if (error != null) {
                    body.completeExceptionally(error);
                } else {
                    body.complete(bytes);
                }
            });
            inner.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            // onNext calls are serial (Flow rules), so the running count needs no lock
            for (ByteBuffer b : item) {
                received += b.remaining();
            }
            if (received > maxBytes) {
                if (body.completeExceptionally(new TooLarge(maxBytes))) {
                    subscription.cancel();
                }
                return;
            }
            inner.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            inner.onError(throwable);
        }

        @Override
        public void onComplete() {
            inner.onComplete();
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }
    }
}
