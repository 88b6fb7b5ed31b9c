package cn.minzheng.org.web;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a cursor-paginated list; {@code nextCursor} is null on the last page. The cursor is opaque:
 * the key of the page's last item with a check, so a cursor this service did not issue (mistyped,
 * truncated, made up) is refused with 400 at {@code /cursor} ({@link #after}) instead of answering an
 * empty page that reads as "nothing more".
 */
public record Page<T>(List<T> items, String nextCursor) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** Longer than any cursor this service issues (ids of up to 150 UTF-8 bytes). */
    private static final int MAX_CURSOR = 600;
    private static final String CHECK_SALT = "minzheng-org-cursor:";

    /**
     * The page size a request asked for: {@link #DEFAULT_SIZE} when it names none; a size outside
     * 1…{@value #MAX_SIZE} is refused (400 at {@code /size}), as assistance and audit refuse their
     * {@code limit}, rather than quietly answering another size than the one asked for.
     */
    public static int sizeOrRefuse(Integer size) {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemTranslation.invalid(new FieldProblem("/size", "INVALID_PAGE_SIZE",
                    "每页条数须在 1 至 " + MAX_SIZE + " 之间，请改为该范围内的数再试；更多结果请用上一页答复中的翻页标记继续查询"));
        }
        return size;
    }

    /**
     * The page of {@code fetched} (read with {@code size + 1}, newest or lowest key first as the list orders): the
     * first {@code size} items and, when there were more, the cursor after the last of them.
     */
    public static <T> Page<T> slice(List<T> fetched, int size, Function<T, String> key) {
        return fetched.size() > size ? new Page<>(fetched.subList(0, size), cursorAfter(key.apply(fetched.get(size - 1))))
                : new Page<>(fetched, null);
    }

    /** The cursor a client passes back to read on after the item with {@code key}. */
    public static String cursorAfter(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8)) + "." + check(key);
    }

    /**
     * The key a request's {@code cursor} reads on after: null when it names none (the first page); a cursor this
     * service did not issue is refused (400 at {@code /cursor}).
     */
    public static String after(String cursor) {
        if (cursor == null) {
            return null;
        }
        int dot = cursor.lastIndexOf('.');
        if (cursor.length() <= MAX_CURSOR && dot > 0) {
            try {
                String key = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
                if (!key.isEmpty() && cursorAfter(key).equals(cursor)) { // canonical: exactly what this service issues
                    return key;
                }
            } catch (IllegalArgumentException notBase64) {
                // refused below
            }
        }
        throw ProblemTranslation.invalid(new FieldProblem("/cursor", "INVALID_CURSOR",
                "翻页标记无效：请原样传入上一页答复中 /nextCursor 的值（不要修改或拼接），或不带该参数从第一页查起"));
    }

    private static String check(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((CHECK_SALT + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
