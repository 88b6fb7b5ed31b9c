package cn.minzheng.gateway.retry;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The instances ({@code host:port}) one request was already sent to, kept in the request's attributes,
 * so the load balancer can prefer one it has not tried: with two instances and one of them dead, a
 * round-robin pick could otherwise land on the dead one again on every retry when other requests
 * advance the counter in between.
 */
public final class TriedInstances {

    /** Exchange attribute holding the {@code Set<String>} of {@code host:port} already tried. */
    public static final String ATTRIBUTE = TriedInstances.class.getName();

    private TriedInstances() {
    }

    /** Notes that the request went to {@code target} (the resolved URL of the try that just ended). */
    public static void record(Map<String, Object> attributes, URI target) {
        if (target == null || target.getHost() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> tried = (Set<String>) attributes.computeIfAbsent(ATTRIBUTE, key -> ConcurrentHashMap.newKeySet());
        tried.add(key(target.getHost(), target.getPort()));
    }

    /** What {@link #record} noted for this request; empty before its first retry. */
    @SuppressWarnings("unchecked")
    public static Set<String> of(Map<String, Object> attributes) {
        Object tried = attributes == null ? null : attributes.get(ATTRIBUTE);
        return tried instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    /**
     * The instances not tried yet, or all of them when every one was tried (a lone instance that
     * refused once, e.g. while restarting, is still worth the retry the route allows).
     */
    public static <T> List<T> untriedFirst(List<T> instances, Set<String> tried, Function<T, String> keyOf) {
        if (tried.isEmpty() || instances.isEmpty()) {
            return instances;
        }
        List<T> untried = instances.stream().filter(instance -> !tried.contains(keyOf.apply(instance))).toList();
        return untried.isEmpty() ? instances : untried;
    }

    static String key(String host, int port) {
        return host + ":" + port;
    }
}
