package cn.minzheng.console.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The platform's codes in Chinese words, for the pages (templates call it as {@code @words}). Unknown codes
 * are shown as they are, never hidden.
 */
@Component("words")
public class Words {

    public static final Map<String, String> PROGRAMS = ordered(
            "DIBAO_URBAN", "城市最低生活保障（城市低保）",
            "DIBAO_RURAL", "农村最低生活保障（农村低保）",
            "TEKUN", "特困人员救助供养（特困）",
            "DIBAO_EDGE", "低保边缘家庭",
            "TEMPORARY", "临时救助");

    public static final Map<String, String> RELATIONS = ordered(
            "SELF", "本人（申请人）", "SPOUSE", "配偶", "CHILD", "子女", "PARENT", "父母",
            "GRANDCHILD", "孙子女、外孙子女", "GRANDPARENT", "祖父母、外祖父母", "SIBLING", "兄弟姐妹", "OTHER", "其他");

    /** Income categories with whether they count ([57]§13), as the form explains them. */
    public static final Map<String, String> INCOMES = ordered(
            "WAGES", "工资性收入（计入）",
            "BUSINESS_NET", "经营净收入（计入）",
            "PROPERTY_NET", "财产净收入（计入）",
            "TRANSFER_NET", "转移净收入（计入）",
            "PREFERENTIAL_PENSION", "优抚对象抚恤金、补助金（不计入）",
            "FAMILY_PLANNING_AWARD", "计划生育奖励与扶助金（不计入）",
            "SCHOLARSHIP", "奖学金、助学金（不计入）",
            "HEROIC_DEED_AWARD", "见义勇为奖励金（不计入）",
            "GOVERNMENT_ASSISTANCE", "政府救助金（不计入）",
            "CENTRAL_BASIC_PENSION", "中央基础养老金（不计入）",
            "DISABILITY_OR_ILLNESS_COST", "因残疾、患重病增加的刚性支出（可扣减）",
            "WORK_COST", "必要的就业成本（可扣减）");

    public static final Map<String, String> EMERGENCY_KINDS = ordered("URGENT", "急难型", "EXPENDITURE", "支出型");

    private static final Map<String, String> STATUS = ordered(
            "SUBMITTED", "已提交，待受理",
            "SUPPLEMENT_REQUESTED", "需补正材料（一次性告知）",
            "RESUBMITTED", "已补正，待受理",
            "NOT_ACCEPTED", "不予受理",
            "ACCEPTED", "已受理，待入户调查",
            "INVESTIGATING", "调查核对中",
            "OPINION_GIVEN", "乡镇已提出初审意见",
            "IN_PUBLICITY", "公示中",
            "AWAITING_DECISION", "待县级民政部门审核确认",
            "ACTIVE", "已批准，按月发放",
            "ONE_OFF_AWARDED", "已批准一次性临时救助，办结",
            "DENIED", "不予批准",
            "WITHDRAWN", "已撤回",
            "PAID_FIRST", "已先行救助，待补齐手续",
            "RECORD_COMPLETED", "先行救助手续已补齐，办结",
            "RECHECKING", "复核中",
            "SUSPENDED", "暂停发放",
            "PHASING_OUT", "渐退期",
            "TERMINATED", "已终止");

    private static final Map<String, String> NEXT = ordered(
            "SUBMITTED", "乡镇人民政府（街道办事处）将审查材料，决定受理或一次性告知需补正的材料。",
            "SUPPLEMENT_REQUESTED", "请在告知的期限内补齐下列全部材料，然后点击“补正后重新提交”。",
            "RESUBMITTED", "乡镇人民政府（街道办事处）将审查补正后的材料并决定是否受理。",
            "NOT_ACCEPTED", "申请不予受理，理由见办理记录。如有异议，可依法申请行政复议或提起行政诉讼。",
            "ACCEPTED", "工作人员将在期限内入户调查并核对家庭经济状况，请保持电话畅通。",
            "INVESTIGATING", "入户调查和家庭经济状况核对正在进行。",
            "OPINION_GIVEN", "初审意见已提出，即将在村（居）公示。",
            "IN_PUBLICITY", "公示期为 7 天，期满无异议后报县级民政部门审核确认。",
            "AWAITING_DECISION", "县级民政部门将在期限内作出决定，并向您送达决定书。",
            "ACTIVE", "救助金按月发放，请阅读下方决定书。家庭情况变化请主动告知。",
            "ONE_OFF_AWARDED", "临时救助金将一次性发放，请阅读下方决定书。",
            "DENIED", "请阅读下方决定书中的理由和救济途径。",
            "WITHDRAWN", "申请已撤回，办理结束。如需救助可重新申请。",
            "PAID_FIRST", "已先行发放临时救助金，工作人员将补齐审批手续。",
            "RECORD_COMPLETED", "办理结束。",
            "RECHECKING", "正在进行定期复核。",
            "SUSPENDED", "救助金暂停发放，原因见办理记录。",
            "PHASING_OUT", "处于渐退期，期满后终止救助。",
            "TERMINATED", "救助已终止。");

    private static final Map<String, String> STEPS = ordered(
            "START_INVESTIGATION", "受理后开始入户调查",
            "TOWNSHIP_OPINION", "乡镇调查并提出初审意见",
            "COUNTY_DECISION", "公示结束后县级审核确认",
            "REFUSAL_NOTICE", "不予受理书面告知",
            "WHOLE_CASE", "全案办结",
            "SUPPLEMENT_REPLY", "申请人补正材料");

    private static final Map<String, String> COMMANDS = ordered(
            "SUBMIT", "提交申请", "REQUEST_SUPPLEMENT", "一次性告知补正", "RESUBMIT", "补正后重新提交", "ACCEPT", "受理",
            "REFUSE_ACCEPTANCE", "不予受理", "RECORD_HOME_VISIT", "入户调查", "RECORD_ECONOMIC_CHECK", "家庭经济状况核对",
            "GIVE_OPINION", "初审意见", "START_PUBLICITY", "开始公示", "RECORD_OBJECTION", "公示异议",
            "COMPLETE_PUBLICITY", "公示期满", "APPROVE", "审核确认批准", "DENY", "不予批准", "WITHDRAW", "撤回申请",
            "PAY_FIRST", "先行救助", "COMPLETE_RECORD", "补齐先行救助手续", "START_RECHECK", "开始复核",
            "CONFIRM_RECHECK", "确认复核", "CHANGE_AMOUNT", "调整救助金额", "SUSPEND", "暂停发放", "RESUME", "恢复发放",
            "START_PHASE_OUT", "进入渐退期", "TERMINATE", "终止救助", "ASSIGN_PROVIDER", "指定服务机构",
            "FLAG_PROVIDER", "服务机构失去资格");

    private static final java.time.format.DateTimeFormatter CHINA_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private static final Map<String, String> ORG_STATUS = ordered(
            "REGISTERED", "正常", "ACTIVE", "正常", "DEREGISTERED", "已注销", "REVOKED", "已撤销登记", "SUSPENDED", "停止活动");
    public static final Map<String, String> ORG_TYPES = ordered(
            "SOCIAL_GROUP", "社会团体", "PRIVATE_NON_ENTERPRISE", "民办非企业单位", "FOUNDATION", "基金会");
    /** 成立登记 documents, by the type they are required for (org-service's minzheng.org.registration.required-documents). */
    public static final Map<String, String> DOCUMENTS = ordered(
            "APPLICATION", "登记申请书", "SPONSOR_APPROVAL", "业务主管单位批准文件", "CAPITAL_VERIFICATION", "验资报告",
            "PREMISES_PROOF", "住所使用权证明", "OFFICER_IDS", "发起人和拟任负责人身份证明", "DRAFT_CHARTER", "章程草案",
            "DIRECTORS_LIST", "理事名单及身份证明", "SPONSOR_CONSENT", "业务主管单位同意文件");
    public static final Map<String, java.util.List<String>> DOCUMENTS_BY_TYPE = Map.of(
            "SOCIAL_GROUP", java.util.List.of("APPLICATION", "SPONSOR_APPROVAL", "CAPITAL_VERIFICATION", "PREMISES_PROOF",
                    "OFFICER_IDS", "DRAFT_CHARTER"),
            "PRIVATE_NON_ENTERPRISE", java.util.List.of("APPLICATION", "SPONSOR_APPROVAL", "CAPITAL_VERIFICATION",
                    "PREMISES_PROOF", "OFFICER_IDS", "DRAFT_CHARTER"),
            "FOUNDATION", java.util.List.of("APPLICATION", "DRAFT_CHARTER", "CAPITAL_VERIFICATION", "PREMISES_PROOF",
                    "DIRECTORS_LIST", "SPONSOR_CONSENT"));
    public static final Map<String, String> FOUNDATION_KINDS = ordered("PUBLIC", "公募基金会", "NON_PUBLIC", "非公募基金会");
    private static final Map<String, String> MATTERS = ordered("FOUNDING", "成立登记", "CHANGE", "变更登记", "DEREGISTRATION", "注销登记");
    private static final Map<String, String> APPLICATION_STATUS = ordered(
            "APPLIED", "已申请，待受理",
            "SUPPLEMENT_REQUESTED", "需补正材料（一次性告知）",
            "RESUBMITTED", "已补正，待受理",
            "ACCEPTED", "已受理，待审查决定",
            "APPROVED", "准予登记",
            "REFUSED", "不予登记");
    private static final Map<String, String> APPLICATION_NEXT = ordered(
            "APPLIED", "登记管理机关将审查材料，决定受理或一次性告知需补正的全部材料。",
            "SUPPLEMENT_REQUESTED", "请补齐下列全部材料，在本页勾选已备齐的材料后重新提交。",
            "RESUBMITTED", "登记管理机关将审查补正后的材料并决定是否受理。",
            "ACCEPTED", "登记管理机关将在承诺期限内作出准予或不予登记的决定。",
            "APPROVED", "已准予登记，发给统一社会信用代码。此后每年按期报送上一年度的年度工作报告。",
            "REFUSED", "不予登记的理由见下方。如有异议，可依法申请行政复议或提起行政诉讼。");
    private static final Map<String, String> NOTICE_STATUS = ordered(
            "NOTIFIED", "已告知，可在期限内陈述、申辩",
            "RESPONDED", "已陈述、申辩，待登记管理机关决定",
            "ACCEPTED", "陈述、申辩成立，不予列入",
            "REJECTED", "陈述、申辩不成立，将予列入",
            "LISTED", "已列入名录");
    private static final Map<String, String> GROUNDS = ordered(
            "LATE_ANNUAL_REPORT", "未按照规定时限报送年度工作报告",
            "RECTIFICATION_NOT_MET", "未按照有关规定设立党组织或未按期整改",
            "WARNING_OR_SMALL_FINE", "受到警告或者不满5万元罚款处罚",
            "UNREACHABLE", "通过登记的住所无法与社会组织取得联系",
            "OTHER_ABNORMAL", "法律、行政法规规定的其他情形（活动异常名录）",
            "ABNORMAL_TWO_YEARS", "被列入活动异常名录满2年",
            "FRAUDULENT_CHANGE_REVOKED", "弄虚作假办理变更登记，被撤销变更登记",
            "ORDERED_TO_STOP", "受到限期停止活动行政处罚",
            "LARGE_FINE", "受到5万元以上罚款处罚",
            "REPEATED_PENALTIES", "三年内两次以上受到警告或者不满5万元罚款处罚",
            "REGISTRATION_REVOKED", "被撤销登记",
            "OTHER_SERIOUS", "法律、行政法规规定的其他情形（严重违法失信名单）");
    private static final Map<String, String> GRADES = ordered("QUALIFIED", "合格", "BASICALLY_QUALIFIED", "基本合格", "UNQUALIFIED", "不合格");
    private static final Map<String, String> REPORT_STATUS = ordered("FILED", "已报送，待登记管理机关审查", "GRADED", "已作出年检结论");
    private static final Map<String, String> INTEGRITY = ordered(
            "verified", "已验证", "no-mac", "无记录校验码", "mac-invalid", "校验码不符", "mac-unknown-key", "未知密钥",
            "hash-mismatch", "哈希不符");
    private static final Map<String, String> VERDICTS = ordered(
            "AUTHENTICATED", "完整可信：哈希、链接和每条记录的校验码均通过",
            "UNAUTHENTICATED_RECORDS", "哈希完整，但部分记录写入时尚无记录校验码",
            "TAMPERED", "发现篡改或缺失");

    public String program(Object code) {
        return word(PROGRAMS, code);
    }

    public String status(Object code) {
        return word(STATUS, code);
    }

    public String next(Object code) {
        return word(NEXT, code);
    }

    public String relation(Object code) {
        return word(RELATIONS, code);
    }

    public String income(Object code) {
        return word(INCOMES, code);
    }

    public String step(Object code) {
        return word(STEPS, code);
    }

    public String orgStatus(Object code) {
        return word(ORG_STATUS, code);
    }

    public String orgType(Object code) {
        return word(ORG_TYPES, code);
    }

    public String matter(Object code) {
        return word(MATTERS, code);
    }

    public String applicationStatus(Object code) {
        return word(APPLICATION_STATUS, code);
    }

    public String applicationNext(Object code) {
        return word(APPLICATION_NEXT, code);
    }

    public String noticeStatus(Object code) {
        return word(NOTICE_STATUS, code);
    }

    public String ground(Object code) {
        return word(GROUNDS, code);
    }

    public String grade(Object code) {
        return word(GRADES, code);
    }

    public String reportStatus(Object code) {
        return word(REPORT_STATUS, code);
    }

    public String document(Object code) {
        return word(DOCUMENTS, code);
    }

    public String integrity(Object code) {
        return word(INTEGRITY, code);
    }

    public String verdict(Object code) {
        return word(VERDICTS, code);
    }

    public String role(Object code) {
        return code == null ? "" : cn.minzheng.console.security.ViewerRoles.name(code.toString());
    }

    public String command(Object code) {
        return word(COMMANDS, code);
    }

    /** An instant (RFC 3339, any offset) as people in China read it: {@code 2026-12-07 10:00}. */
    public String time(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return CHINA_TIME.format(java.time.OffsetDateTime.parse(instant.toString()));
        } catch (java.time.format.DateTimeParseException e) {
            return instant.toString();
        }
    }

    public String yesNo(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value)) ? "是" : "否";
    }

    private static String word(Map<String, String> words, Object code) {
        if (code == null) {
            return "";
        }
        return words.getOrDefault(code.toString(), code.toString());
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
