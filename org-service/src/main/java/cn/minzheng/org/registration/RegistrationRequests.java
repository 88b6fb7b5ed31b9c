package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;
import cn.minzheng.org.problems.AmountFields;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.problems.FieldProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** JSON bodies of the registration API. Money outside is a yuan string with two decimals ("30000.00"). */
public final class RegistrationRequests {
    private RegistrationRequests() {
    }

    public record FoundingRequest(String authorityCode, OrganizationType type, OrganizationName name, String residence,
                                  String purpose, String businessScope, String activityArea, Person legalRepresentative,
                                  String funds, Boolean fundsInCash, FoundationKind foundationKind, String sector,
                                  String sponsorUnit, Members members, List<Person> officers, Set<DocumentKind> documents) {

        /** Every problem of form at once, the legal representative's 身份证号 checked as of {@code today}. */
        public List<FieldProblem> problems(LocalDate today) {
            List<FieldProblem> problems = new ArrayList<>();
            if (!RegistrationAuthority.isValidCode(authorityCode)) {
                problems.add(new FieldProblem("/authorityCode", "INVALID_AUTHORITY", "请填写登记管理机关的6位行政区划代码"));
            }
            if (type == null) {
                problems.add(new FieldProblem("/type", "REQUIRED", "请选择社会组织类型"));
            }
            if (name == null) {
                problems.add(new FieldProblem("/name", "REQUIRED", "请填写名称"));
            }
            AmountFields.fen(funds, "/funds", problems);
            if (legalRepresentative != null) {
                legalRepresentative.checked("/legalRepresentative", today, problems);
            }
            return problems;
        }

        /** The particulars, the legal representative's 身份证号 in its normal form. */
        public Particulars particulars(LocalDate today) {
            Person representative = legalRepresentative == null ? null
                    : legalRepresentative.checked("/legalRepresentative", today, new ArrayList<>());
            return new Particulars(type, name, residence, purpose, businessScope, activityArea, representative,
                    AmountFields.fen(funds, "/funds", new ArrayList<>()), Boolean.TRUE.equals(fundsInCash), foundationKind, sector,
                    sponsorUnit, members, officers, documents);
        }
    }

    public record ChangeBody(OrganizationName name, String residence, Person legalRepresentative, String businessScope,
                             String funds, LocalDate sponsorConsentOn, Set<DocumentKind> documents) {
        public ChangeRequest toChange(LocalDate today, List<FieldProblem> problems) {
            Long fen = funds == null ? null : AmountFields.fen(funds, "/funds", problems);
            Person representative = legalRepresentative == null ? null
                    : legalRepresentative.checked("/legalRepresentative", today, problems);
            return new ChangeRequest(name, residence, representative, businessScope, fen, sponsorConsentOn, documents);
        }
    }

    public record DeregistrationBody(LocalDate liquidationEndedOn, String reason, Set<DocumentKind> documents) {
    }

    public record SupplementBody(List<String> items) {
    }

    /** {@code documents}: the documents now supplied (codes); {@code supplied}: the notice's other items now supplied, as it wrote them. */
    public record ResubmissionBody(Set<DocumentKind> documents, List<String> supplied) {
    }

    public record RefusalBody(List<String> reasons) {
    }

    public record RevocationBody(String decisionReference, String reason) {
    }

}
