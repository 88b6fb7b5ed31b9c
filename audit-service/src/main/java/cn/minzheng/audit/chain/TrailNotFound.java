package cn.minzheng.audit.chain;

import cn.minzheng.platform.kit.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * 404 for what the trail does not hold (or holds outside the caller's scope), each with its own code
 * so the text can say in Chinese what was not found and what to do next (the kit's {@code not-found}
 * would put the English resource noun into the Chinese text). The member {@code resource} stays as
 * {@code NotFoundProblem} sets it.
 */
public final class TrailNotFound extends ProblemException {

    private TrailNotFound(String code, String resource, String id) {
        super(404, code, null, List.of(id), List.of(), Map.of("resource", resource), null);
    }

    /** {@code chain-not-found}: no chain of this name. */
    public static TrailNotFound chain(String chain) {
        return new TrailNotFound("chain-not-found", "chain", chain);
    }

    /** {@code timeline-not-found}: no record of this case or organization number in the caller's scope. */
    public static TrailNotFound timeline(String subject) {
        return new TrailNotFound("timeline-not-found", "timeline", subject);
    }

    /** {@code organization-timeline-not-found}: no organization of this credit code or id in the caller's scope. */
    public static TrailNotFound organizationTimeline(String key) {
        return new TrailNotFound("organization-timeline-not-found", "timeline", key);
    }
}
