package cn.minzheng.audit.timeline;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import java.time.Clock;
import java.util.Set;

/** Test access to the read event {@link TimelineReads} publishes. */
public final class TimelineReadsAccess {

    private TimelineReadsAccess() {
    }

    public static EventEnvelope event(String auditor, String region, String subject) {
        return TimelineReads.event(new Principal(auditor, auditor, Set.of(Role.AUDITOR), region), subject, "AUDITOR",
                Clock.systemUTC());
    }
}
