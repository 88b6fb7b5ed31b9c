package cn.minzheng.assistance.application;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of a command sub-resource; each command reads the fields it needs
 * (e.g. {@code reason} for a refusal, {@code staffIds} for a home visit).
 */
public record CommandRequest(String reason, List<String> missingItems, LocalDate visitedOn, List<String> staffIds,
                             String findings, List<String> membersPresent, String summary, Boolean incomeConfirmed,
                             Boolean supporterAble, Boolean recommendApproval, Boolean approve, Boolean unstableIncome,
                             String amount, Integer months, SubmissionRequest submission) {
    public static CommandRequest empty() {
        return new CommandRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    boolean flag(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
