package cn.minzheng.platform.events;

import java.util.List;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary mode: {@code ce_} +
 * the attribute name, and {@code content-type} for {@code datacontenttype}.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    // extensions of the platform
    public static final String ACTOR_ID = "ce_actorid";
    public static final String ACTOR_ROLE = "ce_actorrole";
    public static final String REGION_CODE = "ce_regioncode";
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    public static final String TRACEPARENT = "ce_traceparent";

    /** Every header the codec writes; all but {@link #TRACEPARENT} are required on read. */
    public static final List<String> ALL = List.of(SPEC_VERSION, ID, SOURCE, TYPE, SUBJECT, TIME, CONTENT_TYPE,
            ACTOR_ID, ACTOR_ROLE, REGION_CODE, AGGREGATE_VERSION, TRACEPARENT);

    private CloudEventHeaders() {
    }
}
