package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.security.Principal;

/** The test aggregate's events, for tests that write behind the controller's back. */
public final class CaseControllerEvents {

    private CaseControllerEvents() {
    }

    public static EventEnvelope submitted(String id, Principal actor) {
        return CaseController.event(id, actor, 1, null, "SUBMITTED");
    }
}
