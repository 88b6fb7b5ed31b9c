package cn.minzheng.org.enforcement;

/**
 * The menu of [SG]§30, [MF]§25, [JJ]§42 and 民政部令68, ordered by weight ({@link #rank()}): a decision may
 * not reach a kind heavier than the heaviest one notified.
 */
public enum PenaltyKind {
    /** 责令改正 (an order accompanying a penalty) */
    RECTIFICATION_ORDER(0),
    /** 警告 */
    WARNING(1),
    /** 没收违法所得; {@code amountFen} is the income confiscated */
    CONFISCATION(2),
    /** 罚款; {@code amountFen} */
    FINE(3),
    /** 责令撤换直接负责的主管人员 */
    REPLACE_OFFICER(4),
    /** 限期停止活动; {@code months} */
    SUSPENSION(5),
    /** 撤销登记 */
    REVOCATION(6);

    private final int rank;

    PenaltyKind(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
