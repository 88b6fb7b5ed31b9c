package cn.minzheng.assistance.standards;

/** Which monthly standard a figure is: 低保标准 or 特困基本生活标准, urban or rural. */
public enum StandardKind {
    DIBAO_URBAN, DIBAO_RURAL, TEKUN_URBAN, TEKUN_RURAL;

    public static StandardKind tekun(Area area) {
        return area == Area.RURAL ? TEKUN_RURAL : TEKUN_URBAN;
    }

    public static StandardKind dibao(Area area) {
        return area == Area.RURAL ? DIBAO_RURAL : DIBAO_URBAN;
    }
}
