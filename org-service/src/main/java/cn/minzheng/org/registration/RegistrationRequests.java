package cn.minzheng.org.registration;

import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.problems.FieldProblem;

import java.math.BigDecimal;
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

        public List<FieldProblem> problems() {
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
            fen(funds, "/funds", problems);
            return problems;
        }

        public Particulars particulars() {
            return new Particulars(type, name, residence, purpose, businessScope, activityArea, legalRepresentative,
                    fen(funds, "/funds", new ArrayList<>()), Boolean.TRUE.equals(fundsInCash), foundationKind, sector,
                    sponsorUnit, members, officers, documents);
        }
    }

    public record ChangeBody(OrganizationName name, String residence, Person legalRepresentative, String businessScope,
                             String funds, LocalDate sponsorConsentOn, Set<DocumentKind> documents) {
        public ChangeRequest toChange(List<FieldProblem> problems) {
            Long fen = funds == null ? null : fen(funds, "/funds", problems);
            return new ChangeRequest(name, residence, legalRepresentative, businessScope, fen, sponsorConsentOn, documents);
        }
    }

    public record DeregistrationBody(LocalDate liquidationEndedOn, String reason, Set<DocumentKind> documents) {
    }

    public record SupplementBody(List<String> items) {
    }

    public record ResubmissionBody(Set<DocumentKind> documents) {
    }

    public record RefusalBody(List<String> reasons) {
    }

    public record RevocationBody(String decisionReference, String reason) {
    }

    /** Two-decimal yuan → fen; a problem (and 0) when it is not such a string. */
    static long fen(String yuan, String pointer, List<FieldProblem> problems) {
        if (yuan == null || !yuan.matches("-?\\d{1,13}(\\.\\d{1,2})?")) {
            problems.add(new FieldProblem(pointer, "INVALID_AMOUNT", "金额应为元，最多两位小数，如 \"30000.00\""));
            return 0;
        }
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
