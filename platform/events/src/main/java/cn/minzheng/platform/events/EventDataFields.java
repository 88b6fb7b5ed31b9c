package cn.minzheng.platform.events;

import java.util.Set;

/** Names of the data fields common to every event type (see {@code common.schema.json}). */
public final class EventDataFields {

    public static final String AGGREGATE_ID = "aggregateId";
    public static final String AGGREGATE_TYPE = "aggregateType";
    public static final String FROM_STATUS = "fromStatus";
    public static final String TO_STATUS = "toStatus";
    public static final String REASON = "reason";
    public static final String CHANGES = "changes";

    public static final Set<String> COMMON =
            Set.of(AGGREGATE_ID, AGGREGATE_TYPE, FROM_STATUS, TO_STATUS, REASON, CHANGES);

    private EventDataFields() {
    }
}
