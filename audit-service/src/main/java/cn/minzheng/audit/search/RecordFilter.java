package cn.minzheng.audit.search;

/**
 * The query-string parameters every record search takes — the search API and each export — bound
 * once: {@code actor}, {@code type}, {@code region} (a 区划 code), {@code subject} (case or
 * organization number), {@code from} and {@code to} (ISO-8601 instants or dates). All optional; what
 * they mean and how each is refused is {@link RecordQuery#parse}'s.
 */
public record RecordFilter(String actor, String type, String region, String subject, String from, String to) {

    /** The query, or the 400 problem naming each bad parameter. */
    public RecordQuery query() {
        return query(null, null);
    }

    /** The query with a page: {@code cursor} from the previous page, {@code limit} rows. */
    public RecordQuery query(String cursor, String limit) {
        return RecordQuery.parse(actor, type, region, subject, from, to, cursor, limit).orThrow();
    }
}
