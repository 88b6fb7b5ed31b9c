package cn.minzheng.assistance.standards;

import reactor.core.publisher.Mono;

/**
 * Told when a standard was added (after it is stored with its event). 调标 ({@code recalculation}) starts
 * its run here; the standards feature knows nothing more of it, so the two stay free of a cycle.
 */
@FunctionalInterface
public interface StandardAddedListener {
    /** @return the id of what was started for the standard (a recalculation run), or empty */
    Mono<String> added(AssistanceStandard standard, String actorId);
}
