package cn.minzheng.console.api;

import java.util.List;
import java.util.Map;

/**
 * One answer of the platform's API as the pages use it: the status, the JSON body as maps and lists, the
 * ETag's version, a {@link Problem} for any 4xx/5xx, and {@code unavailable} when the service could not
 * be reached (no answer in time, a refused connection, the gateway's 502/503/504).
 */
public record ApiResult(int status, Object body, String etag, Problem problem, String location, boolean unavailable) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * The API refused the request (a 4xx problem other than 409: nothing was made). A creating form then needs a new
     * Idempotency-Key for its corrected body, since the platform keeps the refusal under the old key; not after no
     * answer (a timeout or 5xx may have made it) and not while the key is in flight.
     */
    public boolean refused() {
        return !unavailable && status >= 400 && status < 500 && status != 409;
    }

    /** The items of a page ({@code items}) or of a plain array. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
        Object list = body instanceof Map<?, ?> m ? m.get("items") : body;
        if (list instanceof List<?> l) {
            return l.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList();
        }
        return List.of();
    }

    /** The version for If-Match: the ETag without quotes (a weak prefix dropped), or null. */
    public String version() {
        if (etag == null) {
            return null;
        }
        String v = etag.startsWith("W/") ? etag.substring(2) : etag;
        return v.replace("\"", "");
    }
}
