package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.looker.NotFoundException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The parts of one item run at the same time, come back in their own order, and a failure is the first one in
 * that order, reported with the request it failed on, once every part has finished. The parts here send
 * nothing (they stand for requests by what they record as sent); the dashboard round trips run them for real.
 */
class ItemPartsTest {
    private final DestinationWriter dest = new DestinationWriter(null, false);

    @Test
    void partsRunAtTheSameTimeAndComeBackInTheirOrder() throws Exception {
        CountDownLatch all = new CountDownLatch(3);
        try (ItemParts parts = new ItemParts(3, dest)) {
            List<ItemParts.Part<String>> work = List.of(part("a", all, 300), part("b", all, 100), part("c", all, 0));
            // each part waits until all three have started: one after another, the first would time out
            assertThat(parts.<String>all(work)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void theFirstFailureInOrderIsThrownWithItsRequestOnceEveryPartIsDone() throws Exception {
        AtomicBoolean slowDone = new AtomicBoolean();
        try (ItemParts parts = new ItemParts(4, dest)) {
            dest.clearLastRequest();
            List<ItemParts.Part<Object>> work = List.of(
                    () -> {
                        Thread.sleep(300);
                        slowDone.set(true);
                        return "slow";
                    },
                    () -> {
                        Thread.sleep(100);
                        dest.adoptLastRequest("POST /queries first");
                        throw new NotFoundException("POST", "/queries", 404, "first", null);
                    },
                    () -> {
                        dest.adoptLastRequest("POST /queries second");
                        throw new IllegalStateException("second");
                    });
            assertThatThrownBy(() -> parts.all(work)).isInstanceOf(NotFoundException.class).hasMessageContaining("first");
            assertThat(slowDone).isTrue();
            assertThat(dest.lastRequest()).isEqualTo("POST /queries first");
        }
    }

    @Test
    void noPartsAndOnePartNeedNoOtherThread() throws Exception {
        try (ItemParts parts = new ItemParts(1, dest)) {
            assertThat(parts.all(List.<ItemParts.Part<String>>of())).isEmpty();
            Thread caller = Thread.currentThread();
            assertThat(parts.<Boolean>all(List.of(() -> Thread.currentThread() == caller))).containsExactly(true);
        }
    }

    private static ItemParts.Part<String> part(String name, CountDownLatch all, long sleepMs) {
        return () -> {
            all.countDown();
            if (!all.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " ran alone: the parts did not run at the same time");
            }
            Thread.sleep(sleepMs);
            return name;
        };
    }
}
