package cn.minzheng.org.registration;

/** Documents a registration matter needs. */
public enum DocumentKind {
    APPLICATION("登记申请书"),
    SPONSOR_APPROVAL("业务主管单位批准文件"),
    CAPITAL_VERIFICATION("验资报告"),
    PREMISES_PROOF("住所使用权证明"),
    OFFICER_IDS("发起人和拟任负责人身份证明"),
    DRAFT_CHARTER("章程草案"),
    DIRECTORS_LIST("理事名单及身份证明"),
    SPONSOR_CONSENT("业务主管单位同意文件"),
    CHANGE_RESOLUTION("变更事项决议"),
    LIQUIDATION_REPORT("清算报告"),
    CERTIFICATE_AND_SEALS("登记证书和印章");

    private final String title;

    DocumentKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
