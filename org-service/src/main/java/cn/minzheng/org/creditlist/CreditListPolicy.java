package cn.minzheng.org.creditlist;

import java.time.Period;

/**
 * Periods of [信用] 民政部令60: an 异常名录 entry with nothing to fix ends after 6 months (§9); an entry
 * kept 2 years moves to the 失信名单 (§10); a 失信 entry may end after 2 years without a new ground (§12).
 */
public record CreditListPolicy(Period abnormalAutomaticRemoval, Period abnormalEscalation, Period seriousMinimum) {
    public static CreditListPolicy defaults() {
        return new CreditListPolicy(Period.ofMonths(6), Period.ofYears(2), Period.ofYears(2));
    }
}
