package io.lookervault.restore;

import io.lookervault.vault.RestoreStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.job.ProgressSnapshot;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.Redaction;
import io.lookervault.looker.ApiStats;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.Vault;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

/**
 * Runs one restore: picks the backed-up run, walks the {@link RestoreOrder} step by step (steps waited for item
 * by item overlap: a dashboard starts once its folder and looks exist), restores items in parallel on the shared
 * client, checkpoints each item with its id
 * mapping, and sends failures (after the client's retries) to the dead-letter queue while the run goes on.
 * An unfinished restore of the same plan is resumed: checkpointed items are not written again.
 * Not thread-safe: one job runs one restore at a time.
 */
public final class RestoreJob {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RestoreJob.class);
    private static final int OUTCOME_CAP = 10_000;
    private final LookerApi api;
    private final Vault vault;
    private final RestoreStore store;
    private final String destUrl;
    private final Clock clock;
    private Consumer<Outcome> onCheckpoint = o -> { };
    private SecretsFile secrets = SecretsFile.none();
    private boolean enableAuth;
    private volatile RunState current;
    private volatile long startedMillis;

    public RestoreJob(LookerApi api, Vault vault, RestoreStore store, String destUrl, Clock clock) {
        this.api = api;
        this.vault = vault;
        this.store = store;
        this.destUrl = destUrl;
        this.clock = clock;
    }

    /** Called after every committed item (tests use it to crash a run half-way). */
    public RestoreJob onCheckpoint(Consumer<Outcome> hook) {
        this.onCheckpoint = hook;
        return this;
    }

    /** The secrets file whose values the objects that need them get (default: none, each one is reported unset). */
    public RestoreJob withSecrets(SecretsFile file) {
        this.secrets = java.util.Objects.requireNonNull(file, "file");
        return this;
    }

    /** Whether SAML/OIDC/LDAP enabled at the source may be enabled at the destination (default: never). */
    public RestoreJob withEnableAuth(boolean enable) {
        this.enableAuth = enable;
        return this;
    }

    /** The running restore's progress (per plan step: items done of its total); empty before it starts. Thread-safe. */
    public ProgressSnapshot snapshot() {
        RunState r = current;
        ApiStats s = api.stats();
        List<ProgressSnapshot.TypeProgress> steps = new ArrayList<>();
        int busy = 0;
        int workers = 0;
        if (r != null) {
            r.totals.forEach((step, total) -> {
                Map<Outcome.Action, Integer> c = r.counts(step);
                long done = c.values().stream().mapToLong(Integer::longValue).sum();
                long failed = c.getOrDefault(Outcome.Action.FAILED, 0);
                long[] span = r.spans.get(step);
                long active = span == null ? 0 : (span[1] > 0 ? span[1] : clock.millis()) - span[0];
                steps.add(new ProgressSnapshot.TypeProgress(step, done, total, failed, done >= total, active));
            });
            busy = r.busy.get();
            workers = r.workers;
        }
        return new ProgressSnapshot(steps, busy, workers, s.requests(), s.retries(), s.rateLimited(),
                clock.millis() - startedMillis, s.inFlight());
    }

    public RestoreReport run(RestoreOptions o) throws InterruptedException {
        long started = clock.millis();
        startedMillis = started;
        ApiStats before = api.stats();
        BackupSnapshot source = BackupSnapshot.of(vault, o.run(), o.asOf());
        long restoreId = o.dryRun() ? 0 : startOrResume(o, source);
        RestoreContext ctx = new RestoreContext(api, source, store, destUrl, o.dryRun(), restoreId, RestoreOrder.restorers(),
                o.lookml(), secrets, enableAuth, o.workers());
        RunState run = new RunState(ctx, o.workers());
        current = run;
        RunStatus status = RunStatus.COMPLETED;
        try {
            if (o.command() == RestoreOptions.Command.SINGLE) {
                run.single(o.types().get(0), o.ids().get(0));
            } else if (o.command() == RestoreOptions.Command.RETRY) {
                run.item(RestoreOrder.steps().stream().filter(s -> s.name().equals(o.types().get(0))).findFirst()
                        .orElseThrow(), o.ids().get(0));
            } else {
                run.bulk(o);
            }
            if (!run.deadLetters.isEmpty() || run.counts().values().stream().anyMatch(c -> c.containsKey(Outcome.Action.FAILED))) {
                status = RunStatus.COMPLETED_WITH_FAILURES;
            }
        } catch (InterruptedException e) {
            status = RunStatus.INTERRUPTED;
            finish(restoreId, status);
            throw e;
        } finally {
            run.close();
        }
        finish(restoreId, status);
        ApiStats after = api.stats();
        return new RestoreReport(restoreId, source.runId(), source.url(), destUrl, o.dryRun(), status, run.counts(),
                inPlanOrder(run.outcomes), run.deadLetters, after.requests() - before.requests(),
                after.retries() - before.retries(), clock.millis() - started);
    }

    /** Outcomes step by step, as the plan lists the steps (steps that ran at the same time interleave them). */
    private static List<Outcome> inPlanOrder(List<Outcome> outcomes) {
        List<String> order = RestoreOrder.stepNames();
        List<Outcome> out;
        synchronized (outcomes) {
            out = new ArrayList<>(outcomes);
        }
        out.sort(java.util.Comparator.comparingInt(x -> order.indexOf(x.type())));
        return out;
    }

    /** Tries dead-lettered items again ({@code dlqId} 0: every open one), each from the run it came from. */
    public List<RestoreReport> retry(long dlqId) throws InterruptedException {
        List<RestoreReport> out = new ArrayList<>();
        Map<Long, Long> sourceRuns = new java.util.HashMap<>();
        Map<Long, String> dests = new java.util.HashMap<>();
        store.runs().forEach(r -> {
            sourceRuns.put(r.restoreId(), r.sourceRun());
            dests.put(r.restoreId(), r.destUrl());
        });
        for (RestoreStore.DeadLetter d : store.openDeadLetters(0)) {
            String was = dests.get(d.restoreId());
            if ((dlqId == 0 || d.dlqId() == dlqId) && was != null
                    && !io.lookervault.config.LookerSettings.sameInstance(was, destUrl)) {
                // resending to whatever Looker the configuration names now would write into the wrong instance
                throw new RestoreException("dead letter " + d.dlqId() + " is a write to " + was + ", but the"
                        + " configuration now names " + destUrl + ": set LOOKERSDK_BASE_URL=" + was + " to retry it"
                        + " there, or 'restore dlq clear' to drop it");
            }
        }
        for (RestoreStore.DeadLetter d : store.openDeadLetters(0)) {
            if (dlqId == 0 || d.dlqId() == dlqId) {
                out.add(run(RestoreOptions.retry(d.type(), d.sourceId(), sourceRuns.get(d.restoreId()))));
            }
        }
        return out;
    }

    private long startOrResume(RestoreOptions o, BackupSnapshot source) {
        String key = o.key(source.runId());
        return store.unfinished(destUrl, o.command().key(), key).map(RestoreStore.RestoreRunRow::restoreId)
                .orElseGet(() -> store.startRun(source.runId(), source.url(), destUrl, o.command().key(), key, now()));
    }

    private void finish(long restoreId, RunStatus status) {
        if (restoreId > 0) {
            store.finishRun(restoreId, status, now());
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    /** The state of one run: its workers, counts and dead letters. */
    private final class RunState {
        final RestoreContext ctx;
        final ExecutorService pool;
        /** One thread per running step: it hands the step's items to {@link #pool} and waits for them. */
        final ExecutorService coordinators;
        final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        final List<Long> deadLetters = Collections.synchronizedList(new ArrayList<>());
        /** Per step: items per outcome, indexed by {@link Outcome.Action#ordinal()}. */
        final Map<String, AtomicIntegerArray> counts = new ConcurrentHashMap<>();
        /** Items per plan step of a bulk restore, in plan order (for progress); filled before the first step. */
        final Map<String, Long> totals = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        final AtomicInteger busy = new AtomicInteger();
        /** Per step: [start, end or 0] in clock millis, for per-step rates. */
        final Map<String, long[]> spans = new ConcurrentHashMap<>();
        final int workers;
        final RestoreSelection scope;
        /**
         * Why the run stops (an unexpected failure of an item, Ctrl-C), or null: once set no item starts, even one
         * whose dependencies are done (it would run without the items its stopped dependencies never restored).
         */
        final java.util.concurrent.atomic.AtomicReference<Throwable> stopped = new java.util.concurrent.atomic.AtomicReference<>();

        RunState(RestoreContext ctx, int workers) {
            this.ctx = ctx;
            this.workers = workers;
            this.pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "restore-worker");
                t.setDaemon(true);
                return t;
            });
            this.coordinators = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "restore-step");
                t.setDaemon(true);
                return t;
            });
            this.scope = new RestoreSelection(ctx.source);
        }

        void single(String type, String id) throws InterruptedException {
            JsonNode doc = ctx.source.doc(type, id).orElseThrow(() -> new RestoreException("no " + type + " " + id
                    + " in run " + ctx.source.runId() + " of the vault"));
            for (Dependencies.Dep dep : new Dependencies(ctx).missing(type, doc)) {
                item(dep.step(), dep.id());
            }
            RestoreOrder.Step step = RestoreOrder.steps().stream().filter(s -> s.name().equals(type)).findFirst()
                    .orElseThrow(() -> new RestoreException("cannot restore type " + type));
            item(step, id);
        }

        void bulk(RestoreOptions o) throws InterruptedException {
            // the totals are counted up front for progress, and each step's ids are read again when it runs:
            // a second vault query per step, rather than holding every id of a large vault for the whole restore.
            // Steps waited for item by item (folders, looks, dashboards) also get a future per item of this
            // restore, which a waiting item's task chains on
            java.util.Set<String> waitedByItem = new java.util.HashSet<>();
            RestoreOrder.steps().forEach(s -> waitedByItem.addAll(s.byItem()));
            Map<String, Map<String, CompletableFuture<Void>>> itemDone = new java.util.HashMap<>();
            for (RestoreOrder.Step step : RestoreOrder.steps()) {
                List<String> ids = scope.ids(step, o);
                if (!ids.isEmpty()) {
                    totals.put(step.name(), (long) ids.size());
                }
                if (waitedByItem.contains(step.name())) {
                    Map<String, CompletableFuture<Void>> m = new java.util.HashMap<>();
                    ids.forEach(id -> m.put(id, new CompletableFuture<>()));
                    itemDone.put(step.name(), m);
                }
            }
            // a step starts as soon as the steps it references are done, so steps with nothing between them (the
            // admin sets at the start; grants, boards, schedules and alerts at the end) share the workers instead
            // of each leaving them idle while its last items finish
            Map<String, CompletableFuture<Void>> finished = new java.util.HashMap<>();
            for (RestoreOrder.Step step : RestoreOrder.steps()) {
                CompletableFuture<?>[] before = step.startsAfter().stream().map(finished::get)
                        .toArray(CompletableFuture[]::new);
                CompletableFuture<Void> f = CompletableFuture.allOf(before).thenRunAsync(() -> {
                    try {
                        step(step, o, itemDone);
                    } catch (InterruptedException e) {
                        throw new CompletionException(e);
                    }
                }, coordinators);
                // however the step ends (a step before it broke, Ctrl-C), nothing waits on its items for ever
                f.whenComplete((v, e) -> itemDone.getOrDefault(step.name(), Map.of()).values()
                        .forEach(d -> d.complete(null)));
                finished.put(step.name(), f);
            }
            try {
                CompletableFuture.allOf(finished.values().toArray(CompletableFuture[]::new)).get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause()
                        : e.getCause();
                throw Rethrow.cause(c, "restore step");
            } catch (InterruptedException e) {
                stopped.compareAndSet(null, e);
                finished.values().forEach(f -> f.cancel(true));
                throw e;
            }
        }

        private void step(RestoreOrder.Step step, RestoreOptions o, Map<String, Map<String, CompletableFuture<Void>>> itemDone)
                throws InterruptedException {
            List<String> ids = scope.ids(step, o);
            if (ids.isEmpty()) {
                return;
            }
            if (step.byItem().contains(step.name())) {
                // parents first: an item waits only for items of its own step handed out before it, so a cycle in
                // a lying backup (a folder its own ancestor) cannot leave two items waiting for each other
                ids = FolderRestorer.byDepth(ids, ctx.source).stream().flatMap(List::stream).toList();
            }
            long start = clock.millis();
            spans.put(step.name(), new long[] {start, 0}); // replaced, never changed: the map publishes it
            Map<String, RestoreStore.Checkpoint> done = ctx.restoreId == 0 ? Map.of()
                    : store.checkpoints(ctx.restoreId, step.name());
            Map<String, CompletableFuture<Void>> mine = itemDone.getOrDefault(step.name(), Map.of());
            java.util.Set<String> handedOut = new java.util.HashSet<>();
            List<CompletableFuture<Void>> items = new ArrayList<>();
            int waited = 0;
            for (String id : ids) {
                handedOut.add(id);
                CompletableFuture<Void> own = mine.get(id);
                if (done.containsKey(id)) {
                    count(step.name(), Outcome.Action.fromKey(done.get(id).action()));
                    if (own != null) {
                        own.complete(null);
                    }
                    continue;
                }
                List<CompletableFuture<Void>> waits = waitsFor(step, id, itemDone, handedOut);
                waited += waits.size();
                CompletableFuture<Void> task = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                        .thenRunAsync(() -> {
                            if (stopped.get() != null) {
                                return;
                            }
                            busy.incrementAndGet();
                            try {
                                item(step, id);
                            } catch (InterruptedException e) {
                                stopped.compareAndSet(null, e);
                                Thread.currentThread().interrupt();
                            } catch (RuntimeException | Error e) {
                                stopped.compareAndSet(null, e);
                            } finally {
                                busy.decrementAndGet();
                            }
                        }, pool);
                items.add(own == null ? task : task.whenComplete((v, e) -> own.complete(null)));
            }
            try {
                CompletableFuture.allOf(items.toArray(CompletableFuture[]::new)).get();
            } catch (ExecutionException e) {
                stopped.compareAndSet(null, e.getCause());
            } catch (InterruptedException e) {
                stopped.compareAndSet(null, e);
                items.forEach(x -> x.cancel(true));
                throw e;
            }
            Throwable c = stopped.get();
            if (c instanceof InterruptedException ie) {
                throw ie;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c != null) {
                throw new IllegalStateException("restore worker failed: " + c, c);
            }
            long end = clock.millis();
            spans.put(step.name(), new long[] {start, end});
            // with -v: where a restore's time goes (steps with nothing between them overlap)
            LOG.debug("step {}: {} items in {} ms (from +{} to +{} ms), {} waits on single items", step.name(),
                    ids.size(), end - start, start - startedMillis, end - startedMillis, waited);
        }

        /**
         * The items of this restore that an item of {@code step} names in the steps it waits for item by item
         * (those not in this restore are at the destination already, or never will be). Of its own step, only
         * items handed out before it. The document read here is read again when the item runs rather than held
         * by its task: every item of a step can be queued at once, and a vault's dashboards do not fit in memory.
         */
        private List<CompletableFuture<Void>> waitsFor(RestoreOrder.Step step, String id,
                Map<String, Map<String, CompletableFuture<Void>>> itemDone, java.util.Set<String> handedOut) {
            if (step.byItem().isEmpty()) {
                return List.of();
            }
            JsonNode doc = ctx.source.doc(step.source().key(), id).orElse(null);
            if (doc == null) {
                return List.of();
            }
            List<CompletableFuture<Void>> out = new ArrayList<>();
            step.refs().each(doc, (target, ref) -> {
                if (!step.byItem().contains(target) || target.equals(step.name()) && (ref.equals(id)
                        || !handedOut.contains(ref))) {
                    return;
                }
                CompletableFuture<Void> f = itemDone.getOrDefault(target, Map.of()).get(ref);
                if (f != null && !f.isDone()) {
                    out.add(f);
                }
            });
            return out;
        }

        /** Restores one item; a failure goes to the dead-letter queue and the run goes on. */
        void item(RestoreOrder.Step step, String id) throws InterruptedException {
            JsonNode doc = ctx.source.doc(step.source().key(), id).orElse(null);
            if (doc == null) {
                return;
            }
            ctx.dest.clearLastRequest();
            Outcome out;
            try {
                ctx.source.requireWhole(step.source(), id, doc);
                out = step.restorer().restore(id, doc, ctx);
            } catch (LookerException | RuntimeException e) {
                // any failure of one item (Looker's answer, a document of an unexpected shape) is that item's:
                // it goes to the dead-letter queue with what was sent, and the run goes on
                int status = e instanceof LookerException le ? le.status() : 0;
                out = new Outcome(step.name(), id, null, Outcome.Action.FAILED, List.of(), List.of(String.valueOf(
                        e.getMessage())));
                if (step.mapsItems()) {
                    ctx.ids.failed(step.source().key(), id);
                }
                if (ctx.restoreId > 0) {
                    deadLetters.add(store.deadLetter(ctx.restoreId, step.name(), id,
                            Redaction.maskText(ctx.dest.lastRequest()), status, Redaction.maskText(e.getMessage()),
                            e.getClass().getSimpleName() + ": " + Redaction.maskText(e.getMessage()), now()));
                }
                record(out);
                return;
            }
            if (ctx.restoreId > 0) {
                store.checkpoint(ctx.restoreId, ctx.source.url(), destUrl, new RestoreStore.Checkpoint(step.name(),
                        id, out.action().key(), step.mapsItems() ? out.destId() : null,
                        String.join(",", out.fields())), out.destId(), out.secretsSent());
                store.resolveDeadLetters(step.name(), id, now());
            }
            record(out);
            onCheckpoint.accept(out);
        }

        private void record(Outcome out) {
            count(out.type(), out.action());
            boolean interesting = ctx.dryRun || out.action() != Outcome.Action.UNCHANGED || !out.notes().isEmpty();
            if (interesting && outcomes.size() < OUTCOME_CAP) {
                outcomes.add(out);
            }
        }

        private void count(String type, Outcome.Action action) {
            counts.computeIfAbsent(type, k -> new AtomicIntegerArray(Outcome.Action.values().length))
                    .incrementAndGet(action.ordinal());
        }

        /** One step's counts: only the actions that happened. */
        Map<Outcome.Action, Integer> counts(String step) {
            Map<Outcome.Action, Integer> c = new EnumMap<>(Outcome.Action.class);
            AtomicIntegerArray n = counts.get(step);
            for (Outcome.Action a : Outcome.Action.values()) {
                if (n != null && n.get(a.ordinal()) > 0) {
                    c.put(a, n.get(a.ordinal()));
                }
            }
            return c;
        }

        Map<String, Map<Outcome.Action, Integer>> counts() {
            Map<String, Map<Outcome.Action, Integer>> out = new TreeMap<>();
            counts.keySet().forEach(t -> out.put(t, counts(t)));
            return out;
        }

        void close() {
            coordinators.shutdownNow();
            pool.shutdownNow();
            ctx.parts.close();
        }
    }
}
