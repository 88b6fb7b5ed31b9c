package cn.minzheng.assistance.standards;

/** The assistance programs this service decides. Unit and steps are declared here and in configuration. */
public enum Program {
    /** 城市最低生活保障 */
    DIBAO_URBAN(true),
    /** 农村最低生活保障 */
    DIBAO_RURAL(true),
    /** 特困人员救助供养 (decided per person) */
    TEKUN(false),
    /** 低保边缘家庭认定 */
    DIBAO_EDGE(true),
    /** 临时救助 (急难型 / 支出型) */
    TEMPORARY(true);

    private final boolean householdUnit;

    Program(boolean householdUnit) {
        this.householdUnit = householdUnit;
    }

    public boolean householdUnit() {
        return householdUnit;
    }

    /** The 低保 standard a program is measured against, given where the household lives. */
    public StandardKind dibaoStandardFor(Area area) {
        return switch (this) {
            case DIBAO_URBAN -> StandardKind.DIBAO_URBAN;
            case DIBAO_RURAL -> StandardKind.DIBAO_RURAL;
            default -> area == Area.RURAL ? StandardKind.DIBAO_RURAL : StandardKind.DIBAO_URBAN;
        };
    }

    /** Urban or rural for the programs whose name says it; otherwise the stated area. */
    public Area areaOf(Area stated) {
        return switch (this) {
            case DIBAO_URBAN -> Area.URBAN;
            case DIBAO_RURAL -> Area.RURAL;
            default -> stated == null ? Area.URBAN : stated;
        };
    }
}
