package cn.minzheng.org.events;

import cn.minzheng.org.organization.Matter;
import cn.minzheng.platform.events.EventTypes;

import java.util.Optional;

/**
 * Maps domain event names onto the platform catalogue ({@link EventTypes}). Application events are
 * published under the organization aggregate (keyed by the organization id reserved at application),
 * so one organization's whole life stays in order on one partition. An approved application has no
 * event of its own: the organization's registration-approved / change-approved / deregistered is it.
 */
public final class OrgEventTypes {
    private OrgEventTypes() {
    }

    public static Optional<String> ofApplication(Matter matter, String name) {
        boolean founding = matter == Matter.FOUNDING;
        return Optional.ofNullable(switch (name) {
            case "applied" -> founding ? EventTypes.ORGANIZATION_REGISTRATION_APPLIED : EventTypes.ORGANIZATION_CHANGE_FILED;
            case "supplement-requested" -> EventTypes.ORGANIZATION_SUPPLEMENT_REQUESTED;
            case "resubmitted" -> EventTypes.ORGANIZATION_RESUBMITTED;
            case "accepted" -> EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED;
            case "refused" -> founding ? EventTypes.ORGANIZATION_REGISTRATION_REFUSED : EventTypes.ORGANIZATION_CHANGE_REFUSED;
            case "approved" -> null;
            default -> throw new IllegalArgumentException("unmapped application event " + name);
        });
    }

    public static String ofOrganization(String name) {
        return "minzheng.org.organization." + name + ".v1";
    }

    public static String of(String aggregate, String name) {
        return "minzheng.org." + aggregate + "." + name + ".v1";
    }
}
