package cn.minzheng.org.deadlines;

/** Share of decided applications decided within their promised limit. */
public record OnTimeRate(long decided, long onTime) {
    public OnTimeRate {
        if (decided < 0 || onTime < 0 || onTime > decided) {
            throw new IllegalArgumentException("need 0 <= onTime <= decided");
        }
    }

    /** Per mille, so no floating point leaks into reports; 1000 when nothing was decided. */
    public long perMille() {
        return decided == 0 ? 1000 : onTime * 1000 / decided;
    }
}
