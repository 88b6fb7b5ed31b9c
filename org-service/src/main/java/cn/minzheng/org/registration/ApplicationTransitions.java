package cn.minzheng.org.registration;

import cn.minzheng.platform.kit.domain.IllegalTransition;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.minzheng.org.registration.ApplicationAction.*;
import static cn.minzheng.org.registration.ApplicationStatus.*;

/** The one table of allowed transitions of a registration application. */
public final class ApplicationTransitions {
    private static final Map<ApplicationStatus, Map<ApplicationAction, ApplicationStatus>> TABLE = new EnumMap<>(ApplicationStatus.class);

    static {
        allow(APPLIED, REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED);
        allow(APPLIED, ACCEPT, ACCEPTED);
        allow(SUPPLEMENT_REQUESTED, RESUBMIT, RESUBMITTED);
        allow(RESUBMITTED, REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED);
        allow(RESUBMITTED, ACCEPT, ACCEPTED);
        allow(ACCEPTED, APPROVE, APPROVED);
        allow(ACCEPTED, REFUSE, REFUSED);
    }

    private ApplicationTransitions() {
    }

    private static void allow(ApplicationStatus from, ApplicationAction action, ApplicationStatus to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(ApplicationAction.class)).put(action, to);
    }

    public static Optional<ApplicationStatus> next(ApplicationStatus from, ApplicationAction action) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
    }

    public static ApplicationStatus require(ApplicationStatus from, ApplicationAction action) {
        return next(from, action).orElseThrow(() -> new IllegalTransition("registration-application", from.name(), action.name()));
    }
}
