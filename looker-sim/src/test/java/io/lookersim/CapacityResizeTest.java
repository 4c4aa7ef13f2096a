package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookersim.http.Capacity;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The run-time capacity change behind {@code POST /__sim/capacity} (benchmark 6: a Looker whose capacity halves). */
class CapacityResizeTest {
    @Test
    void aSmallerCapacityTakesEffectAsRequestsLeaveAndALargerOneAtOnce() throws Exception {
        Capacity c = new Capacity(2, 0, System::nanoTime);
        c.enter();
        c.enter();
        c.maxConcurrent(1); // both stay in service
        c.leave();
        CountDownLatch entered = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try {
                c.enter();
                entered.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        assertThat(entered.await(100, TimeUnit.MILLISECONDS)).isFalse(); // one in service is the new capacity
        c.maxConcurrent(3);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        c.enter(); // 3 in service now
        assertThat(c.inFlight()).isEqualTo(3);
        assertThat(c.maxConcurrent()).isEqualTo(3);
        second.join(10_000);
    }

    @Test
    void anUnlimitedSimulatorCannotBeResized() {
        Capacity c = new Capacity(0, 0, System::nanoTime);
        assertThatThrownBy(() -> c.maxConcurrent(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--max-concurrent");
    }
}
