package cn.minzheng.platform.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RFC 9457 problem object as it goes on the wire: {@code type, title, status, detail,
 * instance, code, errors[], traceId} plus the exception's extra properties.
 */
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<Error> errors, String traceId, Map<String, Object> properties) {

    /** One entry of {@code errors[]}. */
    public record Error(String pointer, String code, String message) {
    }

    public static Problem of(ProblemException exception, ProblemMessages messages, Locale locale,
                             String typeBase, String instance, String traceId) {
        List<Error> errors = exception.errors().stream()
                .map(f -> new Error(f.pointer(), f.code(), messages.fieldMessage(f, locale)))
                .toList();
        String base = typeBase.endsWith("/") ? typeBase : typeBase + "/";
        return new Problem(base + exception.code(), messages.title(exception, locale), exception.status(),
                messages.detail(exception, locale), instance, exception.code(), errors, traceId,
                exception.properties());
    }

    /** Member order as documented; null members are left out. */
    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("type", type);
        map.put("title", title);
        map.put("status", status);
        if (detail != null) map.put("detail", detail);
        if (instance != null) map.put("instance", instance);
        map.put("code", code);
        map.put("errors", errors.stream().map(e -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("pointer", e.pointer());
            m.put("code", e.code());
            m.put("message", e.message());
            return m;
        }).toList());
        if (traceId != null) map.put("traceId", traceId);
        properties.forEach(map::putIfAbsent);
        return map;
    }
}
