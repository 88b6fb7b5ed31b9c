package cn.minzheng.org.enforcement;

/**
 * The menu of [SG]§30, [MF]§25, [JJ]§42 and 民政部令68, ordered by weight ({@link #rank()}): a decision may
 * not reach a kind heavier than the heaviest one notified.
 */
public enum PenaltyKind {
    /** 责令改正 (an order accompanying a penalty) */
    RECTIFICATION_ORDER(0, "责令改正"),
    /** 警告 */
    WARNING(1, "警告"),
    /** 没收违法所得; {@code amountFen} is the income confiscated */
    CONFISCATION(2, "没收违法所得"),
    /** 罚款; {@code amountFen} */
    FINE(3, "罚款"),
    /** 责令撤换直接负责的主管人员 */
    REPLACE_OFFICER(4, "责令撤换直接负责的主管人员"),
    /** 限期停止活动; {@code months} */
    SUSPENSION(5, "限期停止活动"),
    /** 撤销登记 */
    REVOCATION(6, "撤销登记");

    private final int rank;
    private final String text;

    PenaltyKind(int rank, String text) {
        this.rank = rank;
        this.text = text;
    }

    /** The kind as a decision names it, e.g. 罚款. */
    public String text() {
        return text;
    }

    public int rank() {
        return rank;
    }
}
