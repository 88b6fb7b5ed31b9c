package cn.minzheng.org.web;

import java.util.List;

/** One page of a cursor-paginated list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public static final int MAX_SIZE = 100;

    public static int boundedSize(Integer size) {
        if (size == null) {
            return 20;
        }
        return Math.max(1, Math.min(MAX_SIZE, size));
    }
}
