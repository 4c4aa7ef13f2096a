package io.lookersim;

/** Placeholder entry point; the simulator issue fills it in. */
public final class SimMain {
    private SimMain() {}

    public static void main(String[] args) {
        System.out.println("looker-sim");
    }
}
