package cn.minzheng.assistance.payment;

/** A month's payment roll from drawing up to publication. */
public enum BatchStatus {
    /** 生成: every line drawn up, waiting for review */
    CREATED,
    /** 审批: approved by an APPROVER who did not draw it up; the lines are now paid as they stand */
    APPROVED,
    /** 导出: the bank file (银行代发文件) was exported at least once */
    EXPORTED,
    /** 公示: the masked list of recipients is public [57]§24 */
    PUBLISHED
}
