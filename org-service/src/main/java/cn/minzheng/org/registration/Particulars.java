package cn.minzheng.org.registration;

import java.util.EnumSet;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.naming.OrganizationName;

import java.util.List;
import java.util.Set;

/**
 * The registration items (登记事项) of an organization as applied for: name, 住所, purpose, business
 * scope, activity area, legal representative, funds (in fen), sponsor unit (业务主管单位), members,
 * officers and the documents handed in.
 *
 * @param foundationKind only for 基金会
 * @param sector         only for 民办非企业单位: the sector whose start-up fund minimum applies
 * @param members        only for 社会团体
 * @param fundsInCash    whether the funds are paid in cash (基金会 original funds must be)
 */
public record Particulars(OrganizationType type,
                          OrganizationName name,
                          String residence,
                          String purpose,
                          String businessScope,
                          String activityArea,
                          Person legalRepresentative,
                          long fundsFen,
                          boolean fundsInCash,
                          FoundationKind foundationKind,
                          String sector,
                          String sponsorUnit,
                          Members members,
                          List<Person> officers,
                          Set<DocumentKind> documents) {

    public Particulars {
        officers = officers == null ? List.of() : List.copyOf(officers);
        documents = documents == null ? Set.of() : Set.copyOf(documents);
    }

    public Particulars withDocuments(Set<DocumentKind> more) {
        EnumSet<DocumentKind> all = EnumSet.noneOf(DocumentKind.class);
        all.addAll(documents);
        all.addAll(more);
        return new Particulars(type, name, residence, purpose, businessScope, activityArea, legalRepresentative,
                fundsFen, fundsInCash, foundationKind, sector, sponsorUnit, members, officers, all);
    }
}
