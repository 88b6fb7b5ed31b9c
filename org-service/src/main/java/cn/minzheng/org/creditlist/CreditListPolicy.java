package cn.minzheng.org.creditlist;

import java.time.Period;

/**
 * Periods of [信用] 民政部令60: an 异常名录 entry with nothing to fix ends after 6 months (§9); an entry
 * kept 2 years moves to the 失信名单 (§10); a 失信 entry may end after 2 years without a new ground (§12).
 * Listing is preceded by written notice; the organization may answer it within
 * {@code noticeResponseWorkingDays} working days ({@code noticeResponseSource} says where the figure comes
 * from).
 */
public record CreditListPolicy(Period abnormalAutomaticRemoval, Period abnormalEscalation, Period seriousMinimum,
                               int noticeResponseWorkingDays, String noticeResponseSource) {
    /** Seed when configuration names none: 10 working days (a local figure; set it to the authority's rule). */
    public static final int DEFAULT_NOTICE_RESPONSE_WORKING_DAYS = 10;

    public CreditListPolicy {
        if (noticeResponseWorkingDays <= 0) {
            noticeResponseWorkingDays = DEFAULT_NOTICE_RESPONSE_WORKING_DAYS;
        }
        if (noticeResponseSource == null || noticeResponseSource.isBlank()) {
            noticeResponseSource = "《社会组织信用信息管理办法》：列入前书面告知，社会组织可陈述、申辩（期限为本地设定的初始值）";
        }
    }

    public static CreditListPolicy defaults() {
        return new CreditListPolicy(Period.ofMonths(6), Period.ofYears(2), Period.ofYears(2), 0, null);
    }
}
