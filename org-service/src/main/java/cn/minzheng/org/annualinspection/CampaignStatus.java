package cn.minzheng.org.annualinspection;

public enum CampaignStatus {
    OPEN, SWEEPING, SWEPT
}
