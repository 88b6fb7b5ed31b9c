package cn.minzheng.audit.reads;

/**
 * The kinds of expensive audit reads (issue 14 item 8), each with its own concurrency limit: a
 * flood of one kind leaves the others — and ingest — room to work.
 */
public enum ReadKind {
    /** re-walking a chain range ({@code /chains/{chain}/verification}, {@code POST /verifications}) */
    VERIFY,
    /** counts and on-time rates ({@code /statistics}, {@code /statistics/on-time}) */
    STATISTICS,
    /** NDJSON, CSV and XLSX exports ({@code /exports/**}) */
    EXPORT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
