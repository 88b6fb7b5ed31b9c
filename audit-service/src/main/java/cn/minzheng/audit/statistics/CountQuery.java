package cn.minzheng.audit.statistics;

import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.util.Map;

/**
 * The parameters of {@code GET /api/v1/audit/statistics}: {@code by} (day, service, type or region)
 * and the record filter ({@code type}, {@code region}, {@code from}, {@code to}, read by
 * {@link RecordQuery#parse}).
 *
 * @param by      the grouping as the caller named it
 * @param field   the derived field of the store it groups by
 * @param records the records counted (region not yet narrowed to the caller's scope)
 */
public record CountQuery(String by, String field, RecordQuery records) {

    /** Grouping name in the API → derived field in the store. */
    static final Map<String, String> GROUPINGS = Map.of("day", "day", "service", "service", "type", "type",
            "region", "regionCode");

    /** The query, or the 400 problem: a bad {@code by} alone first, then each bad record parameter. */
    public static CountQuery parse(String by, String type, String region, String from, String to) {
        String field = by == null ? null : GROUPINGS.get(by);
        if (field == null) {
            throw new ValidationProblem(
                    FieldProblem.withMessage("/by", "invalid-grouping", "by is one of day, service, type, region"));
        }
        return new CountQuery(by, field, RecordQuery.parse(null, type, region, null, from, to, null, null).orThrow());
    }
}
