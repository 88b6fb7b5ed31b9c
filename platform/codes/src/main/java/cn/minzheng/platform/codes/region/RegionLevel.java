package cn.minzheng.platform.codes.region;

/** 行政区划层级: the level a region code names, from the widest to the narrowest. */
public enum RegionLevel {
    /** 省级 (province, autonomous region, municipality, SAR): digits 1–2. */
    PROVINCE(2),
    /** 地级 (prefecture-level city, 州, 盟): digits 3–4. */
    PREFECTURE(4),
    /** 县级 (county, district, county-level city): digits 5–6. */
    COUNTY(6),
    /** 乡级 (乡镇/街道): digits 7–9, the 民政 extension. */
    TOWNSHIP(9),
    /** 村级 (村/社区): digits 10–12, the 民政 extension. */
    VILLAGE(12);

    private final int end;

    RegionLevel(int end) {
        this.end = end;
    }

    /** Number of leading digits that carry this level and all above it. */
    public int significantDigits() {
        return end;
    }

    int start() {
        return this == PROVINCE ? 0 : values()[ordinal() - 1].end;
    }
}
