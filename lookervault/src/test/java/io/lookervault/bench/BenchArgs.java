package io.lookervault.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The benchmark drivers' {@code key=value} arguments, and the CLI child JVM they time. */
final class BenchArgs {
    /**
     * Options of the CLI's JVM, from the BENCH_JVM_OPTS environment variable; by default what bin/lookervault
     * passes when LOOKERVAULT_JAVA_OPTS is unset (until session 6 RestoreBench ran the CLI with the JVM's own
     * defaults: C2 and G1, which cost the restore more CPU than the launcher's C1 and serial collector).
     */
    static final String JVM_OPTS = System.getenv().getOrDefault("BENCH_JVM_OPTS",
            "-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");

    private BenchArgs() {}

    /** {@code /usr/bin/time -v java <JVM_OPTS> ... Main --db DB --output json -q}, for the caller to add the command. */
    static List<String> cli(Path db) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!JVM_OPTS.isBlank()) {
            cmd.addAll(List.of(JVM_OPTS.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lookervault.cli.Main", "--db", db.toString(),
                "--output", "json", "-q"));
        return cmd;
    }

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
