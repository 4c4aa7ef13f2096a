package io.lookervault.cli;

/** Placeholder entry point; the foundation issue fills it in. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("lookervault");
    }
}
