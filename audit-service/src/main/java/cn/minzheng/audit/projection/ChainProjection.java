package cn.minzheng.audit.projection;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordDocuments;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A read model that follows every chain by position (issue 20 item 7): the machinery of
 * {@link RecordCountProjection} and the on-time statistics' handling days, each supplying
 * {@link #apply} (a batch of a chain's records into a generation's buckets) and its readers.
 *
 * <p><b>Position-keyed, idempotent.</b> The projection follows each chain by sequence: a watermark
 * per chain says how far it got; ingest hands it the records it has just appended (same step as the
 * append, after it), and anything between the watermark and them (a crash after the append, a
 * redelivered batch) is read from the chain. {@link #apply} must be idempotent (a batch may be
 * applied again after a stop between its bucket write and the watermark).
 *
 * <p><b>Generations, rebuild.</b> Buckets belong to a generation; readers use the active one. A
 * build ({@link #start} when there is none, {@link #rebuild} on demand) fills a new generation from
 * the chains, with its progress in the state document ({@link #view}); its watermarks are its
 * resume point, so a build killed midway continues where it stopped at the next start. Meanwhile
 * ingest keeps the active generation current and readers keep answering from it; when the build
 * has reached every chain's head it becomes active, catches up once more and the old generation is
 * removed. Until the first build is complete there is no active generation and readers take
 * their slower path.
 */
public abstract class ChainProjection<V> {

    private static final Logger log = LoggerFactory.getLogger(ChainProjection.class);
    public static final int BATCH = 500;
    static final long LOG_EVERY = 100_000;

    private final String name;
    private final String rebuildPath;
    protected final GenerationStore store;
    protected final ChainStore chains;
    protected final Clock clock;
    private final AtomicBoolean building = new AtomicBoolean();
    /** Called with the records done after every batch of a build (tests stop a build midway here). */
    private volatile LongConsumer afterBuildBatch = n -> { };
    private volatile Mono<Void> lastBuild = Mono.empty();

    /**
     * @param name        what it is called in the log ({@code record counts})
     * @param rebuildPath the path of its rebuild, named in the log when a build stops
     */
    protected ChainProjection(String name, String rebuildPath, GenerationStore store, ChainStore chains, Clock clock) {
        this.name = name;
        this.rebuildPath = rebuildPath;
        this.store = store;
        this.chains = chains;
        this.clock = clock;
    }

    /** For tests: called with the records done after every batch of a build (a throw stops the build there). */
    public void afterBuildBatch(LongConsumer hook) {
        this.afterBuildBatch = hook;
    }

    // ---- ingest ----------------------------------------------------------------------------------

    /**
     * After records were appended to {@code chain} (those just stored, in order; may be empty, e.g.
     * a redelivered batch): brings the active generation up to them.
     */
    public Mono<Void> appended(String chain, List<AuditRecord> stored) {
        return store.state().flatMap(s -> s.getInteger("active") == null ? Mono.<Void>empty()
                : catchUp(s.getInteger("active"), chain, stored, (c, q, n) -> Mono.empty()).then());
    }

    /** Projects the records of {@code chain} past its watermark; the number projected. */
    Mono<Long> catchUp(int generation, String chain, List<AuditRecord> fresh, Progress progress) {
        return store.watermark(generation, chain).flatMap(mark -> {
            Flux<AuditRecord> records;
            if (!fresh.isEmpty() && fresh.get(0).sequence() <= mark + 1) {
                records = Flux.fromIterable(fresh).filter(r -> r.sequence() > mark);
            } else {
                Mono<Long> head = fresh.isEmpty() ? chains.head(chain).map(ChainHead::sequence)
                        : Mono.just(fresh.get(fresh.size() - 1).sequence());
                records = head.flatMapMany(h -> chains.range(chain, mark + 1, h));
            }
            return records.buffer(BATCH)
                    .concatMap(batch -> apply(generation, chain, batch)
                            .then(store.advance(generation, chain, batch.get(batch.size() - 1).sequence()))
                            .then(Mono.defer(() -> progress.done(chain, batch.get(batch.size() - 1).sequence(),
                                    batch.size())))
                            .thenReturn((long) batch.size()))
                    .reduce(0L, Long::sum);
        });
    }

    /** One batch of a chain's records (in sequence order) into the generation's buckets; idempotent. */
    protected abstract Mono<Void> apply(int generation, String chain, List<AuditRecord> batch);

    // ---- builds ------------------------------------------------------------------------------------

    /**
     * At start-up: creates the buckets' index, then builds the first generation, or resumes a build a
     * stop interrupted (in the background).
     */
    public Mono<Void> start() {
        return store.createIndexes().then(store.state()).flatMap(s -> {
            if (s.getInteger("building") != null) {
                log.info("{}: resuming the build of generation {}", name, s.getInteger("building"));
                return run(s.getInteger("building"), s.getInteger("active"));
            }
            if (s.getInteger("active") == null) {
                return begin(s, "first start over an existing trail").flatMap(d -> run(d.getInteger("building"), null));
            }
            return Mono.empty();
        });
    }

    /**
     * A new generation built from the chains (or the running build, if one is under way); answers the
     * state at once and builds in the background — follow {@link #view}.
     */
    public Mono<V> rebuild(String requestedBy) {
        return store.state().flatMap(s -> {
            if (s.getInteger("building") != null) {
                if (!building.get()) { // a build a stop interrupted and nobody resumed here: resume it
                    background(s.getInteger("building"), s.getInteger("active"));
                }
                return Mono.just(s);
            }
            return begin(s, "requested by " + requestedBy)
                    .doOnNext(d -> background(d.getInteger("building"), d.getInteger("active")))
                    .switchIfEmpty(store.state());
        }).map(this::toView);
    }

    private void background(int generation, Integer previous) {
        Mono<Void> job = run(generation, previous).cache();
        lastBuild = job;
        job.subscribe(null, e -> log.warn("{}: the build of generation {} stopped; POST {} resumes it: {}", name, generation,
                rebuildPath, e.toString()));
    }

    /** The build last started in the background here (tests wait on it). */
    public Mono<Void> lastBuild() {
        return lastBuild;
    }

    public Mono<V> view() {
        return store.state().map(this::toView);
    }

    private Mono<Document> begin(Document s, String reason) {
        int next = Optional.ofNullable(s.getInteger("lastGeneration")).orElse(0) + 1;
        return store.changeState(null, new Document("building", next).append("lastGeneration", next)
                .append("reason", reason).append("startedAt", clock.instant().toString())
                .append("recordsDone", 0L).append("recordsTotal", 0L).append("chain", null).append("sequence", null)
                .append("updatedAt", clock.instant().toString()));
    }

    /** Builds {@code generation} to every chain's head, makes it active, catches up once more, drops {@code previous}. */
    Mono<Void> run(int generation, Integer previous) {
        if (!building.compareAndSet(false, true)) {
            return Mono.empty();
        }
        AtomicLong done = new AtomicLong();
        return chains.heads().map(ChainHead::chain).collectList()
                .flatMap(all -> store.watermarks(generation, all).map(marks -> {
                    done.set(marks.values().stream().mapToLong(Long::longValue).sum());
                    return all;
                }))
                .then(pass(generation, done).expand(n -> n > 0 ? pass(generation, done) : Mono.empty()).then())
                .then(Mono.defer(() -> store.changeState(generation, new Document("active", generation)
                        .append("building", null).append("completedAt", clock.instant().toString())
                        .append("recordsDone", done.get()).append("updatedAt", clock.instant().toString()))))
                .then(Mono.defer(() -> pass(generation, done)))
                .then(Mono.defer(() -> previous == null || previous == generation ? Mono.<Void>empty() : store.drop(previous)))
                .doOnSuccess(v -> log.info("{}: generation {} built from {} records and active", name, generation, done.get()))
                .doFinally(sig -> building.set(false));
    }

    /** After each batch of a catch-up: its chain, the last sequence done and the batch's size. */
    @FunctionalInterface
    interface Progress {
        Mono<Void> done(String chain, long sequence, int records);
    }

    /** One pass over every chain, its progress written to the state document after every batch; the records projected. */
    private Mono<Long> pass(int generation, AtomicLong done) {
        return chains.heads().collectList().flatMap(heads -> {
            long total = heads.stream().mapToLong(ChainHead::sequence).sum();
            Progress progress = (chain, sequence, n) -> {
                long now = done.addAndGet(n);
                if (now / LOG_EVERY != (now - n) / LOG_EVERY) {
                    log.info("{}: building generation {}: {} of {} records ({} up to {})", name, generation, now,
                            total, chain, sequence);
                }
                return store.progress(new Document("recordsDone", now).append("recordsTotal", Math.max(total, now))
                        .append("chain", chain).append("sequence", sequence).append("updatedAt", clock.instant().toString()))
                        .then(Mono.fromRunnable(() -> afterBuildBatch.accept(now)));
            };
            return Flux.fromIterable(heads).concatMap(head -> catchUp(generation, head.chain(), List.of(), progress))
                    .reduce(0L, Long::sum);
        });
    }

    /** The state document as its API shows it. */
    protected abstract V toView(BuildState s);

    private V toView(Document s) {
        return toView(new BuildState(s.getInteger("active"), s.getInteger("building"),
                s.get("recordsDone") instanceof Number n ? n.longValue() : 0L,
                s.get("recordsTotal") instanceof Number n ? n.longValue() : 0L,
                s.getString("chain"), s.get("sequence") instanceof Number q ? q.longValue() : null, s.getString("reason"),
                s.getString("startedAt"), s.getString("completedAt"), s.getString("updatedAt")));
    }

    /** The generation readers use (empty before the first build is complete). */
    protected Mono<Integer> activeGeneration() {
        return store.state().flatMap(s -> Mono.justOrEmpty(s.getInteger("active")));
    }

    /**
     * A build's state: the generation readers use ({@code active}, null before the first build is
     * complete), the one being built ({@code building}, null when none) and its progress.
     */
    public record BuildState(Integer active, Integer building, long recordsDone, long recordsTotal, String chain,
            Long sequence, String reason, String startedAt, String completedAt, String updatedAt) {
    }
}
