package cn.minzheng.assistance.selfcare;

/** The six daily activities of the 特困 生活自理能力 assessment [43]§21. */
public enum CareItem {
    /** 自主吃饭 */
    EATING,
    /** 自主穿衣 */
    DRESSING,
    /** 自主上下床 */
    BED_TRANSFER,
    /** 自主如厕 */
    TOILETING,
    /** 室内行走 */
    INDOOR_WALKING,
    /** 自主洗澡 */
    BATHING
}
