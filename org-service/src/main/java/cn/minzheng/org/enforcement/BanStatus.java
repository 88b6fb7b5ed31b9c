package cn.minzheng.org.enforcement;

/** Where a 取缔 case against an unregistered organization stands. */
public enum BanStatus {
    /** 立案, investigating (调查取证) */
    OPEN,
    /** 取缔 proposed with its reasons, not yet notified */
    PROPOSED,
    /** 告知书 served: facts, reasons, basis and the right to 陈述、申辩 within the period */
    NOTIFIED,
    /** 法制审核 passed (取缔 is always a major decision) */
    REVIEWED,
    /** 取缔决定 made */
    DECIDED,
    /** 取缔决定书 delivered (or 公告送达) */
    DELIVERED,
    /** seals, signs, documents and financial records taken in (收缴) */
    EXECUTED,
    CLOSED
}
