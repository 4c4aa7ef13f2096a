package io.lookervault.bench;

import java.util.HashMap;
import java.util.Map;

/** The benchmark drivers' {@code key=value} arguments. */
final class BenchArgs {
    private BenchArgs() {}

    static Map<String, String> parse(String[] argv) {
        Map<String, String> a = new HashMap<>();
        for (String s : argv) {
            String[] kv = s.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("arguments are key=value, got " + s);
            }
            a.put(kv[0], kv[1]);
        }
        return a;
    }
}
