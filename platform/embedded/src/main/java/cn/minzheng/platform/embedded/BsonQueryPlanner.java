package cn.minzheng.platform.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Chooses an index for a query and reads the candidates' positions from it. mongo-java-server
 * uses an index only when the query names exactly the index's fields (and no range, and only
 * unique indexes); this planner reads any index whose leading fields the query binds by equality
 * or {@code $in}, optionally followed by a range ({@code $gt}/{@code $gte}/{@code $lt}/{@code $lte})
 * or a {@code ^prefix} regex on the next field.
 *
 * <p>The candidates are always a superset of the matches: the collection still matches each
 * candidate against the whole query, except when the plan is {@link Plan#exact() exact} (one
 * top-level field, equality or {@code $in}, answered by a one-field index), which is where
 * mongo-java-server re-matched every document against the whole {@code $in} list.
 */
final class BsonQueryPlanner {

    /** Beyond this many equality combinations (product of {@code $in} sizes) a plan is not worth it. */
    static final int MAX_LOOKUPS = 10_000;

    private static final Pattern LITERAL_PREFIX = Pattern.compile("\\^(?:\\\\Q([^\\\\]*)\\\\E|([\\p{L}\\p{N}_\\-:/ ]*))");

    private BsonQueryPlanner() {
    }

    /** What a query says about one field, as far as an index can use it. */
    record Condition(List<Object> equal, Object lower, boolean hasLower, Object upper, boolean hasUpper,
                     boolean upperInclusive, String prefix) {

        boolean isEqual() {
            return equal != null;
        }

        boolean isRange() {
            return equal == null && (hasLower || hasUpper || prefix != null);
        }
    }

    record Plan(BsonIndex index, List<List<Object>> equalValues, Condition range, boolean exact) {

        /** The positions of the candidates, each once, in the index's order per lookup. */
        void positions(Consumer<Object> sink) {
            int bound = equalValues.size();
            boolean multikey = index.multikey();
            for (List<Object> tuple : combinations(equalValues)) {
                List<Object> start = new ArrayList<>(tuple);
                if (range != null && range.prefix() != null) {
                    start.add(range.prefix());
                } else if (range != null && range.hasLower()) {
                    start.add(range.lower());
                }
                KeyValue from = start.isEmpty() ? null : new KeyValue(start);
                boolean useUpper = range != null && range.hasUpper() && !(multikey && range.hasLower());
                Predicate<KeyValue> inside = key -> {
                    for (int i = 0; i < bound; i++) {
                        if (BsonDataTypes.compareValues(key.get(i), tuple.get(i)) != 0) {
                            return false;
                        }
                    }
                    if (range == null) {
                        return true;
                    }
                    Object value = key.get(bound);
                    if (range.prefix() != null) {
                        return value instanceof String s && s.startsWith(range.prefix());
                    }
                    if (useUpper) {
                        int c = BsonDataTypes.compareValues(value, range.upper());
                        return c < 0 || (c == 0 && range.upperInclusive());
                    }
                    return true;
                };
                index.scan(from, inside, sink);
            }
        }
    }

    /** The best plan for the query over these indexes, or {@code null} (read the whole collection). */
    static Plan choose(Document query, List<BsonIndex> indexes) {
        Map<String, Condition> conditions = conditions(query);
        if (conditions.isEmpty()) {
            return null;
        }
        Plan best = null;
        int bestScore = 0;
        for (BsonIndex index : indexes) {
            List<String> fields = index.fields();
            List<List<Object>> equalValues = new ArrayList<>();
            long lookups = 1;
            while (equalValues.size() < fields.size()) {
                Condition c = conditions.get(fields.get(equalValues.size()));
                if (c == null || !c.isEqual()) {
                    break;
                }
                equalValues.add(c.equal());
                lookups *= c.equal().size();
            }
            Condition range = null;
            if (equalValues.size() < fields.size()) {
                Condition c = conditions.get(fields.get(equalValues.size()));
                if (c != null && c.isRange()) {
                    range = c;
                }
            }
            if ((equalValues.isEmpty() && range == null) || lookups > MAX_LOOKUPS) {
                continue;
            }
            int score = equalValues.size() * 4
                    + (range == null ? 0 : range.prefix() != null || (range.hasLower() && range.hasUpper()) ? 2 : 1)
                    + (index.unique() && equalValues.size() == fields.size() ? 8 : 0);
            if (score > bestScore) {
                boolean exact = range == null && fields.size() == 1 && query.size() == 1
                        && query.containsKey(fields.get(0)) && !fields.get(0).contains(".");
                best = new Plan(index, equalValues, range, exact);
                bestScore = score;
            }
        }
        return best;
    }

    /** The usable conditions of a query's conjunction (top level and {@code $and}); the rest is left to the matcher. */
    static Map<String, Condition> conditions(Document query) {
        Map<String, Condition> out = new LinkedHashMap<>();
        collect(query, out);
        return out;
    }

    private static void collect(Document query, Map<String, Condition> out) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document d) {
                        collect(d, out);
                    }
                }
                continue;
            }
            if (field.startsWith("$")) {
                continue;
            }
            Condition c = condition(value);
            if (c != null && (!out.containsKey(field) || (c.isEqual() && !out.get(field).isEqual()))) {
                out.put(field, c);
            }
        }
    }

    private static Condition condition(Object value) {
        if (isScalar(value)) {
            return equal(List.of(value));
        }
        if (value instanceof BsonRegularExpression regex) {
            String prefix = literalPrefix(regex.getPattern(), regex.getOptions());
            return prefix == null ? null : new Condition(null, null, false, null, false, false, prefix);
        }
        if (!(value instanceof Document operators) || operators.isEmpty()) {
            return null;
        }
        Object lower = null;
        Object upper = null;
        boolean hasLower = false;
        boolean hasUpper = false;
        boolean upperInclusive = false;
        for (Map.Entry<String, Object> op : operators.entrySet()) {
            Object operand = op.getValue();
            switch (op.getKey()) {
                case "$eq" -> {
                    if (isScalar(operand)) {
                        return equal(List.of(operand));
                    }
                }
                case "$in" -> {
                    if (operand instanceof Collection<?> list && !list.isEmpty() && list.stream().allMatch(BsonQueryPlanner::isScalar)) {
                        return equal(new ArrayList<>(list));
                    }
                }
                case "$gt", "$gte" -> {
                    if (isScalar(operand) && (!hasLower || BsonDataTypes.compareValues(operand, lower) > 0)) {
                        lower = operand;
                        hasLower = true;
                    }
                }
                case "$lt", "$lte" -> {
                    if (isScalar(operand) && (!hasUpper || BsonDataTypes.compareValues(operand, upper) < 0)) {
                        upper = operand;
                        hasUpper = true;
                        upperInclusive = op.getKey().equals("$lte");
                    }
                }
                case "$regex" -> {
                    Object options = operators.get("$options");
                    String prefix = operand instanceof String p ? literalPrefix(p, options == null ? "" : options.toString()) : null;
                    if (prefix != null) {
                        return new Condition(null, null, false, null, false, false, prefix);
                    }
                }
                default -> {
                    // $ne, $exists, $nin, $elemMatch, $not, …: left to the matcher
                }
            }
        }
        if (!hasLower && !hasUpper) {
            return null;
        }
        return new Condition(null, lower, hasLower, upper, hasUpper, upperInclusive, null);
    }

    private static Condition equal(List<Object> values) {
        TreeSet<Object> distinct = new TreeSet<>(BsonDataTypes::compareValues);
        distinct.addAll(values);
        return new Condition(List.copyOf(distinct), null, false, null, false, false, null);
    }

    /** {@code ^abc} or {@code ^\Qa.b\E} without options: every match starts with that literal text. */
    static String literalPrefix(String pattern, String options) {
        if (options != null && !options.isEmpty()) {
            return null;
        }
        var m = LITERAL_PREFIX.matcher(pattern);
        if (!m.matches()) {
            return null;
        }
        String prefix = m.group(1) != null ? m.group(1) : m.group(2);
        return prefix.isEmpty() ? null : prefix;
    }

    /** Values an index key compares exactly as the matcher does (not null, arrays, documents, regexes or decimals). */
    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof ObjectId || value instanceof Boolean || value instanceof Instant
                || value instanceof UUID || (value instanceof Number && !(value instanceof Decimal128));
    }

    private static List<List<Object>> combinations(List<List<Object>> values) {
        List<List<Object>> out = new ArrayList<>();
        out.add(List.of());
        for (List<Object> choices : values) {
            List<List<Object>> next = new ArrayList<>(out.size() * choices.size());
            for (List<Object> prefix : out) {
                for (Object choice : choices) {
                    List<Object> tuple = new ArrayList<>(prefix);
                    tuple.add(choice);
                    next.add(tuple);
                }
            }
            out = next;
        }
        return out;
    }
}
