package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownTest {
    @Test
    void requestRunsEveryListenerEvenIfOneFails() {
        Shutdown s = new Shutdown();
        List<String> ran = new ArrayList<>();
        s.onShutdown(() -> ran.add("a"));
        s.onShutdown(() -> {
            throw new IllegalStateException("listener bug");
        });
        s.onShutdown(() -> ran.add("c"));
        assertThat(s.isRequested()).isFalse();
        s.request();
        assertThat(s.isRequested()).isTrue();
        assertThat(ran).containsExactly("a", "c");
    }
}
