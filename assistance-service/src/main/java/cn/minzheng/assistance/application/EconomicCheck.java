package cn.minzheng.assistance.application;

import java.time.Instant;

/**
 * 家庭经济状况核对 result. PENDING when the 核对 platform could not answer yet (never a failed case);
 * COMPLETED when entered by a clerk or returned by the platform.
 *
 * @param supporterAble 特困: an able legal supporter was found
 */
public record EconomicCheck(Status status, String source, String summary, boolean incomeConfirmed,
                            boolean supporterAble, Instant recordedAt, String recordedBy) {
    public enum Status { PENDING, COMPLETED }
}
