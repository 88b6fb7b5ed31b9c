package cn.minzheng.console.enforcement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The enforcement codes in Chinese (org-service's enums and its configured violations, with their sources there);
 * templates call it as {@code @enforcementWords}. Unknown codes are shown as they are.
 */
@Component("enforcementWords")
public class EnforcementWords {

    public static final Map<String, String> STATUS = ordered(
            "OPEN", "已立案，调查取证中", "PROPOSED", "已提出拟处罚意见，待告知", "NOTIFIED", "已告知，当事人可陈述、申辩或要求听证",
            "HEARING_REQUESTED", "当事人要求听证，待安排", "HEARING_SCHEDULED", "已安排听证", "HEARING_HELD", "已听证，待法制审核",
            "REVIEWED", "法制审核通过，待决定", "DECIDED", "已作出处罚决定，待送达", "DELIVERED", "决定书已送达，待执行",
            "EXECUTED", "已执行，待结案", "CLOSED", "已结案");
    public static final Map<String, String> VIOLATIONS = ordered(
            "BEYOND_SCOPE", "超出章程规定的宗旨和业务范围进行活动",
            "REFUSED_SUPERVISION", "拒不接受或者不按照规定接受监督检查",
            "UNREGISTERED_CHANGE", "不按照规定办理变更登记",
            "ILLEGAL_FUNDRAISING", "违反规定收取费用、筹集资金或者接受、使用捐赠、资助",
            "FRAUDULENT_REGISTRATION", "申请登记时弄虚作假，骗取登记",
            "NO_ACTIVITY_ONE_YEAR", "取得登记证书后 1 年未开展活动");
    public static final Map<String, String> SEVERITIES = ordered("MINOR", "轻微", "GENERAL", "一般", "SERIOUS", "严重");
    public static final Map<String, String> PENALTIES = ordered(
            "WARNING", "警告", "RECTIFICATION_ORDER", "责令改正", "CONFISCATION", "没收违法所得", "FINE", "罚款",
            "REPLACE_OFFICER", "责令撤换直接负责的主管人员", "SUSPENSION", "限期停止活动", "REVOCATION", "撤销登记");
    public static final Map<String, String> EVIDENCE_KINDS = ordered(
            "DOCUMENT", "书证", "PHYSICAL", "物证", "TESTIMONY", "证人证言", "ELECTRONIC", "电子数据", "ON_SITE_RECORD", "现场笔录");
    public static final Map<String, String> REVIEW_RESULTS = ordered("true", "同意（可以作出决定）", "false", "退回（重新提出拟处罚意见）");

    public String status(Object code) {
        return word(STATUS, code);
    }

    public String violation(Object code) {
        return word(VIOLATIONS, code);
    }

    public String severity(Object code) {
        return word(SEVERITIES, code);
    }

    public String penalty(Object code) {
        return word(PENALTIES, code);
    }

    public String evidence(Object code) {
        return word(EVIDENCE_KINDS, code);
    }

    static String word(Map<String, String> words, Object code) {
        return code == null ? "" : words.getOrDefault(code.toString(), code.toString());
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
