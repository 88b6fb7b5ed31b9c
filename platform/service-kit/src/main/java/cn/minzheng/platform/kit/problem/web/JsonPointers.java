package cn.minzheng.platform.kit.problem.web;

import java.util.List;
import tools.jackson.core.JacksonException;

/** RFC 6901 JSON pointers for field errors. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** {@code applicant.members[0].name} → {@code /applicant/members/0/name}; blank → {@code ""}. */
    public static String fromPropertyPath(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        var out = new StringBuilder();
        var segment = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                if (!segment.isEmpty()) {
                    out.append('/').append(escape(segment.toString()));
                    segment.setLength(0);
                }
            } else {
                segment.append(c);
            }
        }
        if (!segment.isEmpty()) {
            out.append('/').append(escape(segment.toString()));
        }
        return out.toString();
    }

    public static String fromJacksonPath(List<JacksonException.Reference> path) {
        var out = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                out.append('/').append(escape(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                out.append('/').append(ref.getIndex());
            }
        }
        return out.toString();
    }

    /** Escapes one reference token: {@code ~} → {@code ~0}, {@code /} → {@code ~1}. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
