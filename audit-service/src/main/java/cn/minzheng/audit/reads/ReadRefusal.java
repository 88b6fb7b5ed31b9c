package cn.minzheng.audit.reads;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The problems of bounded audit reads. Each detail says what the limit is and what to do next
 * (texts in {@code problems_zh/en.properties}).
 */
public final class ReadRefusal extends ProblemException {

    private ReadRefusal(int status, String code, List<FieldProblem> errors, Map<String, Object> properties,
            Object... args) {
        super(status, code, null, Arrays.asList(args), errors, properties, null);
    }

    /**
     * 400 {@code verify-range-too-large}: an auditor asked to verify more than {@code maxSpan} records
     * ({@code first..last}); the answer names the first slice to ask for instead.
     */
    public static ReadRefusal verifyRangeTooLarge(long maxSpan, long first, long last, String fromPointer,
            String toPointer) {
        long sliceEnd = first + maxSpan - 1;
        return new ReadRefusal(400, "verify-range-too-large",
                List.of(FieldProblem.of(toPointer, "verify-span-exceeded", maxSpan)),
                Map.of("maxSpan", maxSpan, "fromSequence", first, "toSequence", last,
                        "nextRange", Map.of("fromSequence", first, "toSequence", sliceEnd)),
                maxSpan, first, last, last - first + 1, sliceEnd, sliceEnd + 1);
    }

    /** 400 {@code statistics-range-required}: {@code from} and/or {@code to} missing. */
    public static ReadRefusal statisticsRangeRequired(long maxDays, boolean fromMissing, boolean toMissing) {
        List<FieldProblem> errors = new java.util.ArrayList<>();
        if (fromMissing) {
            errors.add(FieldProblem.of("/from", "time-range-required"));
        }
        if (toMissing) {
            errors.add(FieldProblem.of("/to", "time-range-required"));
        }
        return new ReadRefusal(400, "statistics-range-required", errors, Map.of("maxDays", maxDays), maxDays);
    }

    /** 400 {@code statistics-range-too-large}: {@code to - from} longer than {@code maxDays}. */
    public static ReadRefusal statisticsRangeTooLarge(long maxDays, long askedDays) {
        return new ReadRefusal(400, "statistics-range-too-large",
                List.of(FieldProblem.of("/to", "statistics-span-exceeded", maxDays)), Map.of("maxDays", maxDays),
                maxDays, askedDays);
    }

    /** 429 {@code audit-read-busy}: every permit of this kind is taken (the response carries Retry-After). */
    public static ReadRefusal busy(ReadKind kind, int limit, long retryAfterSeconds) {
        return new ReadRefusal(429, "audit-read-busy", List.of(),
                Map.of("kind", kind.label(), "limit", limit, "retryAfterSeconds", retryAfterSeconds),
                limit, retryAfterSeconds, kind.label());
    }

    /** 503 {@code audit-read-timeout}: the query ran past the server's time limit and was stopped. */
    public static ReadRefusal timedOut(ReadKind kind, long limitSeconds) {
        return new ReadRefusal(503, "audit-read-timeout", List.of(),
                Map.of("kind", kind.label(), "timeLimitSeconds", limitSeconds), limitSeconds, kind.label());
    }
}
