package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Figures of 成立登记 that the regulations or local rules set. All money in fen.
 * Sources: [SG] 《社会团体登记管理条例》§10 (members 50/30, funds 10万/3万); [JJ] 《基金会管理条例》§8
 * (800万/400万/200万, cash); [MF] 《民办非企业单位登记管理暂行条例》§8 (start-up funds per sector, local).
 */
public record RegistrationPolicy(int socialGroupMinIndividuals,
                                 int socialGroupMinUnits,
                                 int socialGroupMinMixedTotal,
                                 long socialGroupFundsNationalFen,
                                 long socialGroupFundsLocalFen,
                                 long foundationNationalPublicFen,
                                 long foundationLocalPublicFen,
                                 long foundationNonPublicFen,
                                 long privateNonEnterpriseDefaultFen,
                                 Map<String, Long> privateNonEnterpriseSectorFen,
                                 Map<OrganizationType, Set<DocumentKind>> requiredDocuments,
                                 String requiredDocumentsSource) {

    /** The shipped source of the required documents (application.yml repeats it). */
    public static final String DOCUMENTS_SOURCE = "《社会团体登记管理条例》第十一条；《民办非企业单位登记管理暂行条例》第九条；《基金会管理条例》第九条";

    public RegistrationPolicy {
        requiredDocuments = requiredDocuments == null ? Map.of() : requiredDocuments;
        requiredDocumentsSource = requiredDocumentsSource == null || requiredDocumentsSource.isBlank() ? DOCUMENTS_SOURCE
                : requiredDocumentsSource;
    }

    /** The documents a 成立登记 of this type needs, in a stable order. */
    public java.util.List<DocumentKind> requiredFor(OrganizationType type) {
        return requiredDocuments.getOrDefault(type, Set.of()).stream().sorted().toList();
    }

    /** The type's Chinese name, as the regulations name it. */
    public static String typeName(OrganizationType type) {
        return switch (type) {
            case SOCIAL_GROUP -> "社会团体";
            case PRIVATE_NON_ENTERPRISE -> "民办非企业单位（社会服务机构）";
            case FOUNDATION -> "基金会";
        };
    }

    public long privateNonEnterpriseMinimum(String sector) {
        if (sector == null) {
            return privateNonEnterpriseDefaultFen;
        }
        return privateNonEnterpriseSectorFen.getOrDefault(sector, privateNonEnterpriseDefaultFen);
    }

    /** National figures; the shipped YAML repeats them with the local ones beside. */
    public static RegistrationPolicy defaults() {
        return new RegistrationPolicy(50, 30, 50,
                10_000_000L, 3_000_000L,
                800_000_000L, 400_000_000L, 200_000_000L,
                3_000_000L,
                Map.of("教育", 10_000_000L, "养老", 5_000_000L, "社会工作", 3_000_000L),
                Map.of(OrganizationType.SOCIAL_GROUP, EnumSet.of(DocumentKind.APPLICATION, DocumentKind.SPONSOR_APPROVAL,
                                DocumentKind.CAPITAL_VERIFICATION, DocumentKind.PREMISES_PROOF, DocumentKind.OFFICER_IDS,
                                DocumentKind.DRAFT_CHARTER),
                        OrganizationType.PRIVATE_NON_ENTERPRISE, EnumSet.of(DocumentKind.APPLICATION, DocumentKind.SPONSOR_APPROVAL,
                                DocumentKind.CAPITAL_VERIFICATION, DocumentKind.PREMISES_PROOF, DocumentKind.OFFICER_IDS,
                                DocumentKind.DRAFT_CHARTER),
                        OrganizationType.FOUNDATION, EnumSet.of(DocumentKind.APPLICATION, DocumentKind.DRAFT_CHARTER,
                                DocumentKind.CAPITAL_VERIFICATION, DocumentKind.PREMISES_PROOF, DocumentKind.DIRECTORS_LIST,
                                DocumentKind.SPONSOR_CONSENT)), DOCUMENTS_SOURCE);
    }
}
