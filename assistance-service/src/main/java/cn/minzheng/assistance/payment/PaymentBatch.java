package cn.minzheng.assistance.payment;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 发放批次: a region's payment roll for one month (the aggregate). Its lines are fixed when it is
 * drawn up; review, approval, export of the bank file and publication move it on, each with one event.
 *
 * @param id        {@code <region>-<yyyy-MM>}: one batch per region and month, so drawing it up again
 *                  finds this one
 * @param checksums SHA-256 (hex) of the last exported bank file, per format ({@code csv}, {@code xlsx})
 */
public record PaymentBatch(String id, String regionCode, YearMonth month, BatchStatus status, long version,
                           List<PaymentLine> lines, String createdBy, Instant createdAt, String approvedBy,
                           Instant approvedAt, Map<String, String> checksums, Instant publishedAt) {
    public static final String AGGREGATE_TYPE = "payment-batch";
    /** Roles that draw up, export and publish; approval is APPROVER's alone. */
    static final List<String> STAFF = List.of("CLERK", "APPROVER", "ADMIN");
    static final String APPROVER = "APPROVER";

    public PaymentBatch {
        lines = List.copyOf(lines);
        checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
    }

    public static String idOf(String regionCode, YearMonth month) {
        return regionCode + "-" + month;
    }

    /** A new batch with {@code lines} (version 1, event {@code created}). */
    public static Transitioned<PaymentBatch, BatchEvent> create(String regionCode, YearMonth month,
                                                                List<PaymentLine> lines, BatchActor actor, Instant at) {
        if (STAFF.stream().noneMatch(actor::holds)) {
            throw new BatchRefusal(BatchRefusal.ROLE_NOT_ALLOWED, "发放批次由经办人或审批人生成，请用其中一个角色的账号办理。",
                    "A payment batch is drawn up by a clerk or an approver; use an account with one of these roles.");
        }
        PaymentBatch b = new PaymentBatch(idOf(regionCode, month), regionCode, month, BatchStatus.CREATED, 1, lines,
                actor.id(), at, null, null, Map.of(), null);
        Totals t = b.totals();
        Map<String, Object> data = b.summary();
        data.put("totalsByProgram", t.byProgramSorted());
        data.put("totalsByTown", t.byTownSorted());
        data.put("adjustmentCount", t.adjustmentCount());
        return new Transitioned<>(b, new BatchEvent("created", null, BatchStatus.CREATED, actor.id(),
                actor.roleFor(STAFF), at, 1, data));
    }

    /** 审批: APPROVER only, and never the one who drew the batch up (回避). */
    public Transitioned<PaymentBatch, BatchEvent> approve(BatchActor actor, Instant at) {
        BatchStatus to = allowed(BatchCommand.APPROVE);
        if (!actor.holds(APPROVER)) {
            throw new BatchRefusal(BatchRefusal.ROLE_NOT_ALLOWED, "发放批次须由审批人审批，请交审批人办理。",
                    "A payment batch is approved by an approver; pass it to one.");
        }
        if (actor.id().equals(createdBy)) {
            throw new BatchRefusal(BatchRefusal.OWN_BATCH, id);
        }
        PaymentBatch next = new PaymentBatch(id, regionCode, month, to, version + 1, lines, createdBy, createdAt,
                actor.id(), at, checksums, publishedAt);
        return new Transitioned<>(next, next.event(BatchCommand.APPROVE, status, actor, APPROVER, at, Map.of()));
    }

    /** 导出: the bank file in {@code format} with its SHA-256; may be repeated, each export recorded. */
    public Transitioned<PaymentBatch, BatchEvent> export(String format, String checksum, BatchActor actor, Instant at) {
        BatchStatus to = allowed(BatchCommand.EXPORT);
        requireStaff(actor);
        Map<String, String> sums = new TreeMap<>(checksums);
        sums.put(format, checksum);
        PaymentBatch next = new PaymentBatch(id, regionCode, month, to, version + 1, lines, createdBy, createdAt,
                approvedBy, approvedAt, sums, publishedAt);
        return new Transitioned<>(next, next.event(BatchCommand.EXPORT, status, actor, actor.roleFor(STAFF), at,
                Map.of("format", format, "checksum", checksum)));
    }

    /** 公示: the masked list of recipients becomes public [57]§24. */
    public Transitioned<PaymentBatch, BatchEvent> publish(BatchActor actor, Instant at) {
        BatchStatus to = allowed(BatchCommand.PUBLISH);
        requireStaff(actor);
        PaymentBatch next = new PaymentBatch(id, regionCode, month, to, version + 1, lines, createdBy, createdAt,
                approvedBy, approvedAt, checksums, at);
        return new Transitioned<>(next, next.event(BatchCommand.PUBLISH, status, actor, actor.roleFor(STAFF), at,
                Map.of()));
    }

    public Totals totals() {
        return Totals.of(lines);
    }

    /** SHA-256 (hex) of the lines in canonical form, one per line: what the events carry for the audit. */
    public String linesDigest() {
        StringBuilder body = new StringBuilder();
        for (PaymentLine l : lines) {
            body.append(l.canonical()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private BatchStatus allowed(BatchCommand command) {
        return command.from(status)
                .orElseThrow(() -> new IllegalTransition(AGGREGATE_TYPE, status.name(), command.name()));
    }

    private static void requireStaff(BatchActor actor) {
        if (STAFF.stream().noneMatch(actor::holds)) {
            throw new BatchRefusal(BatchRefusal.ROLE_NOT_ALLOWED, "须由经办人或审批人办理，请用其中一个角色的账号办理。",
                    "Only a clerk or an approver may do this; use an account with one of these roles.");
        }
    }

    private Map<String, Object> summary() {
        Totals t = totals();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("regionCode", regionCode);
        data.put("month", month.toString());
        data.put("lineCount", t.lineCount());
        data.put("totalFen", t.totalFen());
        data.put("linesDigest", linesDigest());
        return data;
    }

    private BatchEvent event(BatchCommand command, BatchStatus from, BatchActor actor, String role, Instant at,
                             Map<String, Object> extra) {
        Map<String, Object> data = summary();
        data.putAll(extra);
        return new BatchEvent(command.eventName(), from, status, actor.id(), role, at, version, data);
    }
}
