package cn.minzheng.console.citizen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The household form of an application, bound from the page's fields ({@code members[0].incomes[1].category})
 * and turned into the API's submission body. The first member is the applicant (relation SELF); its ID
 * number is the applicant's. The Idempotency-Key is made here, once per form, so a double click or a retry
 * of the same form never makes a second case.
 */
public class ApplicationForm {

    private String program = "DIBAO_URBAN";
    private String regionCode = "";
    private String emergencyKind = "";
    private String requestedAmount = "";
    private boolean truthfulnessCommitment;
    private String idempotencyKey = "console-" + UUID.randomUUID();
    private List<Member> members = new ArrayList<>(List.of(Member.applicant()));

    public Map<String, Object> toSubmission() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", program);
        if ("TEMPORARY".equals(program)) {
            body.put("emergencyKind", emergencyKind);
            body.put("requestedAmount", requestedAmount.trim());
        }
        body.put("applicantIdNumber", members.isEmpty() ? "" : members.get(0).getIdNumber().trim());
        body.put("regionCode", regionCode.trim());
        body.put("truthfulnessCommitment", truthfulnessCommitment);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Member m : members) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("name", m.getName().trim());
            member.put("idNumber", m.getIdNumber().trim());
            member.put("relation", m.getRelation());
            List<Map<String, Object>> incomes = new ArrayList<>();
            for (Income i : m.getIncomes()) {
                if (i.getMonthlyAmount().isBlank()) {
                    continue;
                }
                incomes.add(Map.of("category", i.getCategory(), "monthlyAmount", i.getMonthlyAmount().trim()));
            }
            member.put("incomes", incomes);
            member.put("authorizationSigned", m.isAuthorizationSigned());
            list.add(member);
        }
        body.put("members", list);
        return body;
    }

    /** The form of an existing submission (a resubmission starts from what was sent). */
    @SuppressWarnings("unchecked")
    public static ApplicationForm of(Map<String, Object> submission) {
        ApplicationForm form = new ApplicationForm();
        form.program = String.valueOf(submission.getOrDefault("program", "DIBAO_URBAN"));
        form.regionCode = String.valueOf(submission.getOrDefault("regionCode", ""));
        Object amount = submission.get("requestedAmount");
        form.requestedAmount = amount == null || "0.00".equals(amount) ? "" : amount.toString();
        form.members = new ArrayList<>();
        if (submission.get("members") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> m = (Map<String, Object>) o;
                Member member = new Member();
                member.setName(String.valueOf(m.getOrDefault("name", "")));
                member.setIdNumber(String.valueOf(m.getOrDefault("idNumber", "")));
                member.setRelation(String.valueOf(m.getOrDefault("relation", "OTHER")));
                member.setAuthorizationSigned(true);
                List<Income> incomes = new ArrayList<>();
                if (m.get("incomes") instanceof List<?> is) {
                    for (Object io : is) {
                        Map<String, Object> i = (Map<String, Object>) io;
                        Income income = new Income();
                        income.setCategory(String.valueOf(i.get("category")));
                        income.setMonthlyAmount(String.valueOf(i.get("monthlyAmount")));
                        incomes.add(income);
                    }
                }
                if (incomes.isEmpty()) {
                    incomes.add(new Income());
                }
                member.setIncomes(incomes);
                form.members.add(member);
            }
        }
        if (form.members.isEmpty()) {
            form.members.add(Member.applicant());
        }
        return form;
    }

    public void addMember() {
        if (members.size() < 20) {
            Member m = new Member();
            m.setRelation("SPOUSE");
            members.add(m);
        }
    }

    public void removeMember(int index) {
        if (index > 0 && index < members.size()) {
            members.remove(index);
        }
    }

    public void addIncome(int member) {
        if (member >= 0 && member < members.size() && members.get(member).getIncomes().size() < 12) {
            members.get(member).getIncomes().add(new Income());
        }
    }

    public String getProgram() {
        return program;
    }

    public void setProgram(String program) {
        this.program = program == null ? "" : program;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode == null ? "" : regionCode;
    }

    public String getEmergencyKind() {
        return emergencyKind;
    }

    public void setEmergencyKind(String emergencyKind) {
        this.emergencyKind = emergencyKind == null ? "" : emergencyKind;
    }

    public String getRequestedAmount() {
        return requestedAmount;
    }

    public void setRequestedAmount(String requestedAmount) {
        this.requestedAmount = requestedAmount == null ? "" : requestedAmount;
    }

    public boolean isTruthfulnessCommitment() {
        return truthfulnessCommitment;
    }

    public void setTruthfulnessCommitment(boolean truthfulnessCommitment) {
        this.truthfulnessCommitment = truthfulnessCommitment;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /**
     * A new key after the API refused the application (a 4xx problem: no case was made). The platform keeps the
     * refusal under the old key, so the corrected form, a different body, needs its own; after no answer (timeout,
     * 5xx) the key stays, so a retry never makes a second case.
     */
    public void renewIdempotencyKey() {
        this.idempotencyKey = "console-" + UUID.randomUUID();
    }

    public void setIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey != null && idempotencyKey.matches("[A-Za-z0-9._:-]{1,128}")) {
            this.idempotencyKey = idempotencyKey;
        }
    }

    public List<Member> getMembers() {
        return members;
    }

    public void setMembers(List<Member> members) {
        this.members = members == null ? new ArrayList<>() : members;
    }

    /** A household member with incomes by category. */
    public static class Member {
        private String name = "";
        private String idNumber = "";
        private String relation = "SELF";
        private boolean authorizationSigned;
        private List<Income> incomes = new ArrayList<>(List.of(new Income()));

        static Member applicant() {
            return new Member();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name == null ? "" : name;
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber == null ? "" : idNumber;
        }

        public String getRelation() {
            return relation;
        }

        public void setRelation(String relation) {
            this.relation = relation == null ? "OTHER" : relation;
        }

        public boolean isAuthorizationSigned() {
            return authorizationSigned;
        }

        public void setAuthorizationSigned(boolean authorizationSigned) {
            this.authorizationSigned = authorizationSigned;
        }

        public List<Income> getIncomes() {
            return incomes;
        }

        public void setIncomes(List<Income> incomes) {
            this.incomes = incomes == null ? new ArrayList<>() : incomes;
        }
    }

    /** One monthly income of a member. */
    public static class Income {
        private String category = "WAGES";
        private String monthlyAmount = "";

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category == null ? "WAGES" : category;
        }

        public String getMonthlyAmount() {
            return monthlyAmount;
        }

        public void setMonthlyAmount(String monthlyAmount) {
            this.monthlyAmount = monthlyAmount == null ? "" : monthlyAmount;
        }
    }
}
