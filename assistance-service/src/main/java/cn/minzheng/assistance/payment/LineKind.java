package cn.minzheng.assistance.payment;

/** What a payment line is: the month's benefit, the correction of a month already drawn up, or a one-off award. */
public enum LineKind {
    /** 发放: the benefit for the batch's month */
    REGULAR("发放"),
    /** 补发: the amount of an earlier month rose after its batch was drawn up; the difference is paid now */
    TOP_UP("补发"),
    /** 扣减: the amount of an earlier month fell after its batch was drawn up; the difference is deducted now */
    DEDUCTION("扣减"),
    /** 一次性发放: an approved 临时救助, paid once by the first batch of its county drawn in or after the approval month */
    ONE_OFF("一次性发放");

    private final String chinese;

    LineKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
