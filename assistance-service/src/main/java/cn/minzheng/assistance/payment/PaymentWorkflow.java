package cn.minzheng.assistance.payment;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.payment.BankFiles.BankFile;
import cn.minzheng.assistance.payment.BankFiles.Format;
import cn.minzheng.platform.codes.region.RegionCode;
import cn.minzheng.platform.codes.region.RegionLevel;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.kit.observability.TraceContext;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import cn.minzheng.assistance.application.CaseStepRefused;
import cn.minzheng.assistance.application.CaseTexts;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The monthly payment roll: draws a region's batch up once, then approval, the bank file and the
 * 公示 — each one conditional write of the batch with its event, handed to the outbox relay.
 */
@Component
public class PaymentWorkflow {
    /** {@code <6-digit county>-<yyyy-MM>}. */
    static final Pattern BATCH_ID = Pattern.compile("\\d{6}-\\d{4}-\\d{2}");
    /** The earliest month a batch may be drawn up for: before it the platform paid nothing. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2020, 1);

    private final PaymentBatchStore batches;
    private final ApplicationStore cases;
    private final OutboxRelay relay;
    private final AssistanceProperties properties;
    private final Clock clock;

    public PaymentWorkflow(PaymentBatchStore batches, ApplicationStore cases, OutboxRelay relay,
                           AssistanceProperties properties, Clock clock) {
        this.batches = batches;
        this.cases = cases;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    /** A batch and whether this request drew it up (false: it existed, nothing changed). */
    public record Outcome(PaymentBatch batch, boolean created) {
    }

    /**
     * Draws up the batch of {@code regionCode} (a county this deployment serves) for {@code month}
     * (yyyy-MM, at most next month). Drawing it up again answers the stored batch unchanged.
     */
    public Mono<Outcome> create(Principal p, String regionCode, String month) {
        return Mono.defer(() -> {
            YearMonth m = checked(regionCode, month);
            requireStaffIn(p, regionCode);
            String id = PaymentBatch.idOf(regionCode, m);
            return batches.find(id).map(existing -> new Outcome(existing, false))
                    .switchIfEmpty(Mono.defer(() -> drawUp(p, regionCode, m)));
        }).onErrorMap(PaymentWorkflow::translate);
    }

    private Mono<Outcome> drawUp(Principal p, String regionCode, YearMonth month) {
        Mono<List<Entitlement>> entitled = cases.withMonthlyBenefitIn(regionCode).map(Entitlements::of).collectList();
        Mono<List<PaymentLine>> drawn = batches.linesBefore(regionCode, month).collectList();
        return Mono.zip(entitled, drawn)
                .map(t -> PaymentBatch.create(regionCode, month,
                        PaymentRoll.draw(month, t.getT1(), PaymentRoll.drawn(t.getT2())), actor(p), clock.instant()))
                .flatMap(t -> traceparent().flatMap(tp -> batches.insertOnce(t, tp.orElse(null))))
                .doOnNext(stored -> {
                    if (stored.created()) {
                        relay.publishInBackground(PaymentBatchStore.COLLECTION, stored.batch().id());
                    }
                })
                .map(stored -> new Outcome(stored.batch(), stored.created()));
    }

    /** The batch if the caller is staff of its region. */
    public Mono<PaymentBatch> read(Principal p, String id) {
        return Mono.defer(() -> {
            checkedId(id);
            return batches.find(id).switchIfEmpty(Mono.error(() -> new NotFoundProblem("payment-batch", id)))
                    .doOnNext(b -> requireStaffIn(p, b.regionCode()));
        }).onErrorMap(PaymentWorkflow::translate);
    }

    /** 审批, under If-Match: by an APPROVER who did not draw the batch up (回避). */
    public Mono<PaymentBatch> approve(Principal p, String id, long expectedVersion) {
        return change(p, id, expectedVersion, b -> {
            AccessPolicy.requireNotOwnCase(p, b.regionCode(), Set.of(b.createdBy()), BatchRefusal.OWN_BATCH, b.id());
            return Mono.just(b.approve(actor(p), clock.instant()));
        }).map(Transitioned::next);
    }

    /** 公示 of the recipients, under If-Match; the list is then public. */
    public Mono<PaymentBatch> publish(Principal p, String id, long expectedVersion) {
        return change(p, id, expectedVersion, b -> Mono.just(b.publish(actor(p), clock.instant())))
                .map(Transitioned::next);
    }

    /** A bank file and the batch after its export (checksum stored, event {@code exported}). */
    public record Export(PaymentBatch batch, BankFile file) {
    }

    /** 银行代发文件 in {@code format} ({@code csv} or {@code xlsx}), under If-Match. */
    public Mono<Export> export(Principal p, String id, long expectedVersion, String format) {
        return Mono.defer(() -> {
            Format f = format(format);
            BankFile[] file = new BankFile[1];
            return change(p, id, expectedVersion, b -> Mono.fromCallable(() -> BankFiles.of(b, f))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(built -> {
                        file[0] = built;
                        return b.export(f.extension(), built.sha256(), actor(p), clock.instant());
                    }))
                    .map(t -> new Export(t.next(), file[0]));
        }).onErrorMap(PaymentWorkflow::translate);
    }

    /** The published batch (public: no token); 404 before publication. */
    public Mono<PaymentBatch> published(String id) {
        return Mono.defer(() -> {
            checkedId(id);
            return batches.find(id).filter(b -> b.status() == BatchStatus.PUBLISHED)
                    .switchIfEmpty(Mono.error(() -> new NotFoundProblem("payment-batch", id)));
        });
    }

    private Mono<Transitioned<PaymentBatch, BatchEvent>> change(
            Principal p, String id, long expectedVersion,
            Function<PaymentBatch, Mono<Transitioned<PaymentBatch, BatchEvent>>> command) {
        return read(p, id).flatMap(b -> {
                    if (b.version() != expectedVersion) {
                        return Mono.error(new StaleVersionProblem(expectedVersion, b.version()));
                    }
                    return command.apply(b).flatMap(t -> traceparent()
                            .flatMap(tp -> batches.update(t, expectedVersion, tp.orElse(null))).thenReturn(t));
                })
                .doOnNext(t -> relay.publishInBackground(PaymentBatchStore.COLLECTION, id))
                .onErrorMap(PaymentWorkflow::translate);
    }

    // ---- input -----------------------------------------------------------------------------------

    private YearMonth checked(String regionCode, String month) {
        List<FieldProblem> problems = new ArrayList<>();
        RegionCode region = RegionCode.tryParse(regionCode).orElse(null);
        if (region == null || region.level() != RegionLevel.COUNTY || !region.code().equals(regionCode)) {
            problems.add(FieldProblem.withMessage("/regionCode", "REGION_FORMAT",
                    "请填写发放的县级行政区划代码（6位），如 421303"));
        } else if (properties.regions().stream().noneMatch(regionCode::startsWith)) {
            problems.add(FieldProblem.withMessage("/regionCode", "REGION_UNKNOWN",
                    "本系统不办理区域 " + regionCode + " 的发放；可办理的区域：" + String.join("、", properties.regions())));
        }
        YearMonth m = null;
        YearMonth latest = YearMonth.from(LocalDate.ofInstant(clock.instant(), AssistanceCase.CHINA)).plusMonths(1);
        try {
            m = YearMonth.parse(String.valueOf(month));
            if (m.isAfter(latest) || m.isBefore(FIRST_MONTH)) {
                problems.add(FieldProblem.withMessage("/month", "MONTH_RANGE",
                        "发放月份应在 " + FIRST_MONTH + " 至 " + latest + " 之间（最多提前一个月生成）"));
            }
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.withMessage("/month", "MONTH_FORMAT", "请按 yyyy-MM 填写发放月份，如 2026-10"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return m;
    }

    private static void checkedId(String id) {
        if (id == null || !BATCH_ID.matcher(id).matches()) {
            throw new ValidationProblem(FieldProblem.withMessage("/id", "BATCH_ID_FORMAT",
                    "发放批次编号为“县级区划代码-年-月”，如 421303-2026-10"));
        }
    }

    private static Format format(String format) {
        for (Format f : Format.values()) {
            if (f.extension().equals(format)) {
                return f;
            }
        }
        throw new ValidationProblem(new FieldProblem("/format", "FORMAT_UNKNOWN",
                List.of(java.util.Arrays.stream(Format.values()).map(Format::extension).collect(Collectors.joining(", "))),
                "csv or xlsx"));
    }

    /** Staff of the region (or ADMIN); others learn nothing about the region's batches. */
    private static void requireStaffIn(Principal p, String regionCode) {
        if (!AccessPolicy.mayActInRegion(p, regionCode)) {
            throw ForbiddenProblem.onCaseIn(regionCode, ForbiddenProblem.CODE);
        }
    }

    private static BatchActor actor(Principal p) {
        return new BatchActor(p.subject(), p.displayName(),
                p.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }

    private static Mono<Optional<String>> traceparent() {
        return TraceContext.traceparent();
    }

    static Throwable translate(Throwable e) {
        if (e instanceof IllegalTransition t) {
            return refusedStep(t.status(), t.action());
        }
        if (e instanceof BatchRefusal r) {
            return r.code().equals(BatchRefusal.OWN_BATCH) ? new ForbiddenProblem(BatchRefusal.OWN_BATCH, r.getMessage())
                    : new ForbiddenProblem("role-not-allowed", r.getMessage(), r.english());
        }
        return e;
    }

    /** 409 saying the batch's state in words and the steps possible from it. */
    static CaseStepRefused refusedStep(String status, String action) {
        BatchStatus from = BatchStatus.valueOf(status);
        return new CaseStepRefused(status, action, refusal(from, action, ProblemMessages.CHINESE),
                refusal(from, action, ProblemMessages.ENGLISH));
    }

    private static String refusal(BatchStatus from, String action, java.util.Locale locale) {
        String sep = locale.getLanguage().equals("en") ? ", " : "、";
        String steps = java.util.Arrays.stream(BatchCommand.values()).filter(c -> c.from(from).isPresent())
                .map(c -> CaseTexts.text("batch-command." + c.name(), locale, List.of()))
                .collect(Collectors.joining(sep));
        return CaseTexts.text(steps.isEmpty() ? "batch-refusal.final" : "batch-refusal.next", locale, List.of(
                CaseTexts.text("batch-status." + from.name(), locale, List.of()),
                CaseTexts.text("batch-command." + action, locale, List.of()), steps));
    }
}
