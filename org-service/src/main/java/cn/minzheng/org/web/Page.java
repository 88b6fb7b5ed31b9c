package cn.minzheng.org.web;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import java.util.List;

/** One page of a cursor-paginated list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    /**
     * The page size a request asked for: {@link #DEFAULT_SIZE} when it names none; a size outside
     * 1…{@value #MAX_SIZE} is refused (400 at {@code /size}), as assistance and audit refuse their
     * {@code limit}, rather than quietly answering another size than the one asked for.
     */
    public static int boundedSize(Integer size) {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemTranslation.invalid(new FieldProblem("/size", "INVALID_PAGE_SIZE",
                    "每页条数须在 1 至 " + MAX_SIZE + " 之间，请改为该范围内的数再试；更多结果请用上一页答复中的翻页标记继续查询"));
        }
        return size;
    }
}
