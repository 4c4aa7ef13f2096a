import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small closed-loop HTTP/1.1 load generator for the simulator, JDK only, run as a single source file:
 * {@code java bench/LoadClient.java --base-url URL --client-id ID --client-secret-env VAR --path /api/4.0/user
 * --connections 64 --seconds 10 --warmup-seconds 2}.
 *
 * <p>Each connection is one thread with one keep-alive socket sending the next request as soon as the previous
 * answer is read, so the measured rate is what the server sustains at that concurrency. Raw sockets instead of
 * java.net.http keep the client's own CPU cost low: on a 2-core machine the client shares the cores with the
 * server. Loopback only; bounded by --seconds. The secret is read from an environment variable and never printed.
 * Prints one line: {@code requests=N seconds=S rps=R statuses={200=N} p50_ms=.. p99_ms=..}.
 */
public final class LoadClient {
    private final String host;
    private final int port;
    private final String request;
    private final AtomicBoolean measuring = new AtomicBoolean(false);
    private final AtomicBoolean stop = new AtomicBoolean(false);

    private LoadClient(String host, int port, String request) {
        this.host = host;
        this.port = port;
        this.request = request;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        URI base = URI.create(opt.get("base-url"));
        if (!isLoopback(base.getHost())) {
            throw new IllegalArgumentException("load is only sent to loopback, not " + base.getHost());
        }
        String token = login(base, opt.get("client-id"), System.getenv(opt.get("client-secret-env")));
        String path = opt.getOrDefault("path", "/api/4.0/user");
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: token " + token + "\r\nAccept: application/json\r\n\r\n";
        LoadClient client = new LoadClient(base.getHost(), base.getPort(), request);
        int connections = Integer.parseInt(opt.getOrDefault("connections", "64"));
        double seconds = Double.parseDouble(opt.getOrDefault("seconds", "10"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup-seconds", "2"));
        System.out.println(client.run(connections, warmup, seconds));
    }

    private String run(int connections, double warmupSeconds, double seconds) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker();
            workers.add(w);
            w.thread.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Worker w : workers) {
            w.thread.join(5000);
        }
        return report(workers, elapsed);
    }

    private static String report(List<Worker> workers, double elapsed) {
        Map<Integer, Long> statuses = new TreeMap<>();
        long total = 0;
        int n = 0;
        for (Worker w : workers) {
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            n += w.latencyCount;
            if (w.error != null) {
                System.err.println("connection error: " + w.error);
            }
        }
        long[] latencies = new long[n];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, latencies, at, w.latencyCount);
            at += w.latencyCount;
        }
        Arrays.sort(latencies);
        for (long c : statuses.values()) {
            total += c;
        }
        return String.format(Locale.ROOT, "requests=%d seconds=%.2f rps=%.1f statuses=%s p50_ms=%.2f p99_ms=%.2f",
                total, elapsed, total / elapsed, statuses, pct(latencies, 0.50), pct(latencies, 0.99));
    }

    private static Thread daemon(Thread t) {
        t.setDaemon(true);
        return t;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
    }

    /** One keep-alive connection driven in a closed loop; it reconnects if the server closes. */
    private final class Worker implements Runnable {
        final Thread thread = daemon(new Thread(this, "load"));
        final Map<Integer, Long> statuses = new TreeMap<>();
        long[] latencies = new long[1 << 16];
        int latencyCount;
        volatile String error;

        @Override
        public void run() {
            byte[] req = request.getBytes(StandardCharsets.ISO_8859_1);
            while (!stop.get()) {
                try (Socket s = new Socket()) {
                    s.setTcpNoDelay(true);
                    s.connect(new InetSocketAddress(host, port), 5000);
                    s.setSoTimeout(30_000);
                    loop(s.getOutputStream(), new BufferedInputStream(s.getInputStream(), 65536), req);
                } catch (IOException e) {
                    error = e.toString();
                }
            }
        }

        private void loop(OutputStream out, InputStream in, byte[] req) throws IOException {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                out.write(req);
                out.flush();
                Response r = readResponse(in);
                if (measuring.get()) {
                    statuses.merge(r.status, 1L, Long::sum);
                    if (latencyCount == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[latencyCount++] = System.nanoTime() - t0;
                }
                if (r.close) {
                    return;
                }
            }
        }
    }

    private record Response(int status, boolean close) {}

    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return new Response(status, close);
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                k = 1;
            }
            n -= k;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static String login(URI base, String clientId, String secret) throws IOException {
        if (clientId == null || secret == null) {
            throw new IllegalArgumentException("--client-id and the --client-secret-env variable are required");
        }
        String form = "client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            String req = "POST /api/4.0/login HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\nConnection: close\r\n\r\n" + form;
            s.getOutputStream().write(req.getBytes(StandardCharsets.ISO_8859_1));
            String body = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int at = body.indexOf("\"access_token\"");
            if (!body.startsWith("HTTP/1.1 200") || at < 0) {
                throw new IOException("login failed: " + body.lines().findFirst().orElse(""));
            }
            int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
            return body.substring(start, body.indexOf('"', start));
        }
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host) || "::1".equals(host);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }
}
