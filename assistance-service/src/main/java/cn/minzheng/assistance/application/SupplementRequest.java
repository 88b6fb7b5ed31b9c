package cn.minzheng.assistance.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 一次性告知: every missing item, told once, and by when the applicant must reply.
 *
 * @param replyBy     the last day to supply the items (working days from the request); null on requests
 *                    stored before the reply time was configured
 * @param instruction what the applicant reads: the items, the date and what to do next
 */
public record SupplementRequest(List<String> missingItems, Instant requestedAt, String requestedBy, LocalDate replyBy,
                                String instruction) {
    public SupplementRequest {
        missingItems = List.copyOf(missingItems);
    }

    static SupplementRequest of(List<String> missingItems, Instant requestedAt, String requestedBy, LocalDate replyBy) {
        return new SupplementRequest(missingItems, requestedAt, requestedBy, replyBy,
                "请在 " + replyBy + "（含当日）前补齐以下全部材料：" + String.join("、", missingItems)
                        + "。补齐后请在本申请中重新提交（补正材料）；如有疑问，请联系受理您申请的乡镇（街道）经办人员。");
    }
}
