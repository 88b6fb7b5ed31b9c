package cn.minzheng.org.creditlist;

/** Where a 拟列入告知 (notice before listing) stands. */
public enum NoticeStatus {
    /** served; the organization may file a statement until {@code respondBy} */
    NOTIFIED,
    /** a statement was filed in time; a registrar decides on it */
    RESPONDED,
    /** the registrar found the statement well-founded: no listing (closed) */
    ACCEPTED,
    /** the registrar rejected the statement with reasons: listing follows */
    REJECTED,
    /** listed (closed) */
    LISTED
}
