package cn.minzheng.assistance.household;

/** Assets the household economic check looks at [57]§14. */
public enum AssetType {
    DEPOSIT(true), SECURITIES(true), FUND(true), INSURANCE(true), CLAIM(true), INTERNET_FINANCE(true),
    VEHICLE(false), HOUSE(false);

    private final boolean financial;

    AssetType(boolean financial) {
        this.financial = financial;
    }

    public boolean financial() {
        return financial;
    }
}
