package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.KnownItem;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultWriter;
import io.lookervault.vault.WriteOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The work of one segment of a run (a run is one segment, or several when resumed): what a worker does with
 * a list page or an item. Thread-safe: every worker calls it; state lives in thread-safe trackers and queues.
 */
final class SegmentWork {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final long runId;
    private final ExtractOptions options;
    private final LookerApi api;
    private final Vault vault;
    private final VaultWriter writer;
    private final WorkQueue queue;
    private final Map<ContentType, TypeTracker> trackers;
    private final Map<ContentType, Set<String>> retrying;
    private final Set<String> scope;
    private final ItemFetcher fetcher;
    private final EmbeddedLooks embedded;
    /** Only an incremental run decides by change markers, so only it keeps the looks' updated_at. */
    private final boolean incremental;
    private final CountDownLatch typesLeft;
    private final Set<String> listedRetries = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * What one segment works with.
     *
     * @param trackers per selected type, its listing and item progress
     * @param retrying per type, ids of earlier failures to fetch again
     * @param scope    with {@code --folder-ids}: the folders in scope (null: everything)
     */
    record Context(long runId, ExtractOptions options, LookerApi api, Vault vault, VaultWriter writer, WorkQueue queue,
                   Map<ContentType, TypeTracker> trackers, Map<ContentType, Set<String>> retrying, Set<String> scope) {}

    SegmentWork(Context c) {
        this.runId = c.runId();
        this.options = c.options();
        this.api = c.api();
        this.vault = c.vault();
        this.writer = c.writer();
        this.queue = c.queue();
        this.trackers = c.trackers();
        this.retrying = c.retrying();
        this.scope = c.scope();
        this.fetcher = new ItemFetcher(api, this::previousExtras);
        this.embedded = new EmbeddedLooks(trackers.containsKey(ContentType.LOOKS) ? EmbeddedLooks.Source.LISTING
                : EmbeddedLooks.Source.NONE);
        this.incremental = options.mode() == io.lookervault.job.RunMode.INCREMENTAL;
        this.typesLeft = new CountDownLatch(trackers.size());
    }

    CountDownLatch typesLeft() {
        return typesLeft;
    }

    void run(WorkQueue.Task task) throws InterruptedException {
        if (task instanceof WorkQueue.PageTask p) {
            page(p);
        } else if (task instanceof WorkQueue.ItemTask i) {
            item(i);
        }
    }

    private void page(WorkQueue.PageTask task) throws InterruptedException {
        ListingStream stream = task.stream();
        ContentType type = stream.type();
        if (type.paging() == ContentType.Paging.FIXED) {
            fixed(stream);
            return;
        }
        int reserved = stream.paged() ? stream.limit() : 0;
        List<JsonNode> rows;
        java.util.OptionalLong total = java.util.OptionalLong.empty();
        try {
            if (stream.paged()) {
                var page = api.page(type.listPath(), stream.query(), task.offset(), stream.limit());
                rows = page.items();
                total = page.totalCount();
                stream.guard().check(task.offset(), rows, type.idField());
            } else {
                rows = new ArrayList<>();
                api.get(type.listPath(), stream.query()).forEach(rows::add);
            }
        } catch (LookerException e) {
            RunStopped.ifFatal(e);
            // an API user may read content but not the instance's admin objects: say what to grant, go on
            String why = e instanceof io.lookervault.looker.ForbiddenException
                    ? "skipped: needs permission " + type.permission() + " (" + e.getMessage() + ")" : e.getMessage();
            writer.submit(new WriteOp.Failed(type.key(), "list@" + task.offset(), "list", e.status(), why, 1));
            queue.release(reserved);
            if (e instanceof io.lookervault.looker.ListingException) {
                stream.abandon();
            } else {
                stream.pageFailed();
            }
            afterPage(type);
            return;
        }
        int queued = handOver(type, rows, stream.paged());
        queue.release(reserved - queued);
        stream.pageDone(task.offset(), rows.size(), total);
        afterPage(type);
    }

    /**
     * A type of singletons: each document read at its own path, stored under its fixed id. One that fails (a
     * 403 on cloud storage) is that document's failure; the others are stored.
     */
    private void fixed(ListingStream stream) throws InterruptedException {
        ContentType type = stream.type();
        List<JsonNode> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String id : type.fixedIds()) {
            try {
                rows.add(api.get(type.getPath(id), stream.query()));
                ids.add(id);
            } catch (LookerException e) {
                RunStopped.ifFatal(e);
                String why = e instanceof io.lookervault.looker.ForbiddenException
                        ? "skipped: needs permission " + type.permission() + " (" + e.getMessage() + ")" : e.getMessage();
                writer.submit(new WriteOp.Failed(type.key(), id, "get", e.status(), why, 1));
            }
        }
        handOver(type, rows, ids, false);
        stream.pageDone(0, rows.size(), java.util.OptionalLong.empty());
        afterPage(type);
    }

    private void afterPage(ContentType type) throws InterruptedException {
        if (type == ContentType.LOOKS && trackers.get(type).listingFinished()) {
            decideWaitingDashboards(embedded.listingFinished());
        }
        finishIfDone(trackers.get(type));
    }

    /** Dashboards that waited for the looks listing: seen unchanged, or fetched because a look changed. */
    private void decideWaitingDashboards(List<EmbeddedLooks.Waiting> waiting) throws InterruptedException {
        TypeTracker tracker = trackers.get(ContentType.DASHBOARDS);
        for (EmbeddedLooks.Waiting w : waiting) {
            if (embedded.fresh(w.deps())) {
                writer.submit(new WriteOp.Seen(ContentType.DASHBOARDS.key(), w.dashboardId()));
                tracker.itemHandled(false);
            } else {
                queue.addItem(new WorkQueue.ItemTask(ContentType.DASHBOARDS, w.dashboardId(), w.updatedAt(), null,
                        false, null));
            }
        }
        if (!waiting.isEmpty()) {
            finishIfDone(tracker);
        }
    }

    /**
     * Decides for each listed item: already committed in this run, unchanged, stored from its list row, or
     * to fetch (the whole item, or only what its list row lacks).
     */
    private int handOver(ContentType type, List<JsonNode> rows, boolean reserved) throws InterruptedException {
        return handOver(type, rows, null, reserved);
    }

    /** @param fixedIds the ids of {@code rows} when they do not carry them (singletons); null: read from the rows */
    private int handOver(ContentType type, List<JsonNode> rows, List<String> fixedIds, boolean reserved)
            throws InterruptedException {
        TypeTracker tracker = trackers.get(type);
        if (type == ContentType.LOOKS && incremental) {
            // every listed look, in scope or not: dashboards in scope may show looks from elsewhere
            rows.forEach(r -> embedded.listed(r.path("id").asText(), r.path("updated_at").asText(null)));
        }
        List<JsonNode> inScope = rows.stream().filter(type::lists)
                .filter(r -> scope == null || !type.folderScoped() || FolderScope.contains(scope, type, r)).toList();
        List<String> ids = fixedIds != null ? fixedIds
                : inScope.stream().map(r -> r.path(type.idField()).asText()).toList();
        Map<String, KnownItem> known = vault.known(type.key(), ids);
        List<WorkQueue.ItemTask> tasks = new ArrayList<>();
        long skipped = 0;
        int waiting = 0;
        for (int i = 0; i < ids.size(); i++) {
            switch (handOne(type, ids.get(i), known.get(ids.get(i)), inScope.get(i), reserved, tasks)) {
                case DONE -> skipped++;
                case WAITING -> waiting++;
                default -> { }
            }
        }
        tracker.listed(inScope.size());
        tracker.skipped(skipped);
        tracker.enqueued(tasks.size() + waiting);
        tasks.forEach(queue::addItem);
        return reserved ? tasks.size() : 0;
    }

    /** What became of one listed row. */
    private enum Handled {
        /** Queued at the start as a retry of an earlier failure: handled by that task. */
        RETRY,
        /** Committed already, seen unchanged, or stored from the row: no task. */
        DONE,
        /** A dashboard waiting for the looks listing ({@link EmbeddedLooks}). */
        WAITING,
        /** An item task was added to {@code tasks}. */
        TASK
    }

    private Handled handOne(ContentType type, String id, KnownItem k, JsonNode row, boolean reserved,
                            List<WorkQueue.ItemTask> tasks) throws InterruptedException {
        if (retrying.getOrDefault(type, Set.of()).contains(id)) {
            listedRetries.add(type.key() + "/" + id);
            return Handled.RETRY;
        }
        if (k != null && k.lastSeenRun() == runId && !k.deleted()) {
            return Handled.DONE;
        }
        String updatedAt = row.path("updated_at").asText(null);
        String fp = Incremental.fingerprint(type, row);
        if (incremental && Incremental.unchanged(type, k, updatedAt, fp)) {
            Boolean fresh = type != ContentType.DASHBOARDS ? Boolean.TRUE
                    : embedded.decideOrWait(new EmbeddedLooks.Waiting(id, updatedAt, k.deps()));
            if (fresh == null) {
                return Handled.WAITING;
            }
            if (fresh) {
                writer.submit(new WriteOp.Seen(type.key(), id));
                return Handled.DONE;
            }
        }
        if (type.listCarriesItem() && !ItemFetcher.mayHaveExtras(type)) {
            store(type, id, row, updatedAt, fp);
            return Handled.DONE;
        }
        tasks.add(new WorkQueue.ItemTask(type, id, updatedAt, fp, reserved, type.listCarriesItem() ? row : null));
        return Handled.TASK;
    }

    private void item(WorkQueue.ItemTask task) throws InterruptedException {
        ContentType type = task.type();
        TypeTracker tracker = trackers.get(type);
        boolean failed = false;
        try {
            store(type, task.id(), fetcher.fetch(type, task.id(), task.row()), task.updatedAt(), task.listFp());
        } catch (LookerException e) {
            RunStopped.ifFatal(e);
            failed = true;
            writer.submit(new WriteOp.Failed(type.key(), task.id(), "fetch", e.status(), e.getMessage(), 1));
        }
        tracker.itemHandled(failed);
        finishIfDone(tracker);
    }

    private void store(ContentType type, String id, JsonNode doc, String updatedAt, String listFp)
            throws InterruptedException {
        String deps = type == ContentType.DASHBOARDS ? EmbeddedLooks.deps(doc) : null;
        writer.submit(WriteOp.Fetched.of(type.key(), id, Incremental.bytes(Secrets.strip(doc)), updatedAt, listFp,
                deps));
    }

    private JsonNode previousExtras(ContentType type, String id) {
        return vault.latestJson(type.key(), id).map(json -> {
            try {
                return JSON.readTree(json).path(ItemFetcher.EXTRA);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** Queues the failures of earlier runs first, so they are retried before anything else. */
    void queueRetries(ContentType type, List<String> ids) {
        TypeTracker tracker = trackers.get(type);
        tracker.enqueued(ids.size());
        ids.forEach(id -> queue.addItem(new WorkQueue.ItemTask(type, id, null, null, false, null)));
    }

    void finishIfDone(TypeTracker tracker) throws InterruptedException {
        if (tracker.tryFinish()) {
            boolean complete = tracker.listingComplete();
            ContentType type = tracker.type();
            if (complete && !options.scoped(type)) {
                for (String id : retrying.getOrDefault(type, Set.of())) {
                    if (!listedRetries.contains(type.key() + "/" + id)) {
                        writer.submit(new WriteOp.Gone(type.key(), id));
                    }
                }
            }
            writer.submit(new WriteOp.TypeDone(tracker.type().key(), complete,
                    complete && !options.scoped(tracker.type()),
                    options.allowMassDeletion() ? null : WriteOp.DeletionLimit.DEFAULT));
            typesLeft.countDown();
        }
    }
}
