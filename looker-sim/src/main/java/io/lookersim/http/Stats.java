package io.lookersim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Request counters by operation and status, and a bounded request log (oldest dropped). Thread-safe. */
public final class Stats {
    private final Map<String, Map<Integer, LongAdder>> byOp = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final LongAdder total = new LongAdder();
    private final ArrayDeque<RequestLogEntry> log = new ArrayDeque<>();
    private final int logLimit;
    private long dropped;

    public Stats(int logLimit) { this.logLimit = logLimit; }

    public void record(String method, String path, String op, Map<String, String> params, Map<String, String> query,
                       int status, long micros) {
        total.increment();
        byOp.computeIfAbsent(op, k -> new ConcurrentHashMap<>()).computeIfAbsent(status, k -> new LongAdder()).increment();
        if (logLimit <= 0) return;
        RequestLogEntry e = new RequestLogEntry(seq.incrementAndGet(), method, path, op, params, query, status, micros);
        synchronized (log) {
            if (log.size() >= logLimit) {
                log.pollFirst();
                dropped++;
            }
            log.addLast(e);
        }
    }

    /** Requests answered so far (cheap; for pollers). */
    public long total() {
        return total.sum();
    }

    public List<RequestLogEntry> log(long sinceSeq) {
        synchronized (log) {
            List<RequestLogEntry> out = new ArrayList<>();
            for (RequestLogEntry e : log) if (e.seq() > sinceSeq) out.add(e);
            return out;
        }
    }

    public ObjectNode json(int peak, int inFlight, ObjectNode items) {
        ObjectNode n = JsonNodes.obj();
        n.put("requests_total", total.sum()).put("peak_concurrency", peak).put("in_flight", inFlight);
        ObjectNode ops = n.putObject("requests_by_operation");
        new TreeMap<>(byOp).forEach((op, st) -> {
            ObjectNode o = ops.putObject(op);
            new TreeMap<>(st).forEach((s, c) -> o.put(Integer.toString(s), c.sum()));
        });
        synchronized (log) {
            n.put("log_size", log.size()).put("log_dropped", dropped);
        }
        n.set("items", items);
        return n;
    }
}
