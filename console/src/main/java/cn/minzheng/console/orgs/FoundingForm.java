package cn.minzheng.console.orgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import cn.minzheng.console.cases.Words;

/**
 * The 成立登记 form of a social organization, bound from fields named as the API's JSON pointers name them
 * ({@code name.field} ↔ {@code /name/field}, {@code legalRepresentative.idNumber} ↔ {@code /legalRepresentative/idNumber}),
 * so each problem lands next to its field. The type decides which fields the body carries: 会员数 only for a 社会团体,
 * the sector only for a 民办非企业单位, 公募/非公募 only for a 基金会, no 业务主管单位 for a 基金会. The Idempotency-Key
 * is made here, once per form.
 */
public class FoundingForm {

    private String type = "SOCIAL_GROUP";
    private String authorityCode = "";
    private Name name = new Name();
    private String residence = "";
    private String purpose = "";
    private String businessScope = "";
    private String activityArea = "";
    private Person legalRepresentative = new Person();
    private String funds = "";
    private boolean fundsInCash;
    private String foundationKind = "";
    private String sector = "";
    private String sponsorUnit = "";
    private Members members = new Members();
    private List<String> documents = new ArrayList<>();
    private String idempotencyKey = "console-org-" + UUID.randomUUID();

    /** The API's founding request ({@code POST /api/v1/orgs/applications}). */
    public Map<String, Object> toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorityCode", authorityCode.trim());
        body.put("type", type);
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("region", name.region.trim());
        if (!name.tradeName.isBlank()) {
            n.put("tradeName", name.tradeName.trim());
        }
        n.put("field", name.field.trim());
        n.put("form", name.form.trim());
        body.put("name", n);
        body.put("residence", residence.trim());
        body.put("purpose", purpose.trim());
        body.put("businessScope", businessScope.trim());
        body.put("activityArea", activityArea.trim());
        body.put("legalRepresentative", Map.of("name", legalRepresentative.name.trim(),
                "idNumber", legalRepresentative.idNumber.trim()));
        body.put("funds", funds.trim());
        body.put("fundsInCash", fundsInCash);
        switch (type) {
            case "SOCIAL_GROUP" -> {
                body.put("sponsorUnit", sponsorUnit.trim());
                body.put("members", Map.of("individuals", count(members.individuals), "units", count(members.units)));
            }
            case "PRIVATE_NON_ENTERPRISE" -> {
                body.put("sponsorUnit", sponsorUnit.trim());
                if (!sector.isBlank()) {
                    body.put("sector", sector.trim());
                }
            }
            case "FOUNDATION" -> {
                if (!foundationKind.isBlank()) {
                    body.put("foundationKind", foundationKind);
                }
            }
            default -> { }
        }
        body.put("documents", List.copyOf(documents));
        return body;
    }

    /** A count as typed: a whole number, or -1 (the API then says the member counts are missing). */
    private static int count(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean has(String document) {
        return documents.contains(document);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null || !Words.ORG_TYPES.containsKey(type) ? "SOCIAL_GROUP" : type;
    }

    public String getAuthorityCode() {
        return authorityCode;
    }

    public void setAuthorityCode(String authorityCode) {
        this.authorityCode = text(authorityCode);
    }

    public Name getName() {
        return name;
    }

    public void setName(Name name) {
        this.name = name;
    }

    public String getResidence() {
        return residence;
    }

    public void setResidence(String residence) {
        this.residence = text(residence);
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = text(purpose);
    }

    public String getBusinessScope() {
        return businessScope;
    }

    public void setBusinessScope(String businessScope) {
        this.businessScope = text(businessScope);
    }

    public String getActivityArea() {
        return activityArea;
    }

    public void setActivityArea(String activityArea) {
        this.activityArea = text(activityArea);
    }

    public Person getLegalRepresentative() {
        return legalRepresentative;
    }

    public void setLegalRepresentative(Person legalRepresentative) {
        this.legalRepresentative = legalRepresentative;
    }

    public String getFunds() {
        return funds;
    }

    public void setFunds(String funds) {
        this.funds = text(funds);
    }

    public boolean isFundsInCash() {
        return fundsInCash;
    }

    public void setFundsInCash(boolean fundsInCash) {
        this.fundsInCash = fundsInCash;
    }

    public String getFoundationKind() {
        return foundationKind;
    }

    public void setFoundationKind(String foundationKind) {
        this.foundationKind = text(foundationKind);
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = text(sector);
    }

    public String getSponsorUnit() {
        return sponsorUnit;
    }

    public void setSponsorUnit(String sponsorUnit) {
        this.sponsorUnit = text(sponsorUnit);
    }

    public Members getMembers() {
        return members;
    }

    public void setMembers(Members members) {
        this.members = members;
    }

    public List<String> getDocuments() {
        return documents;
    }

    public void setDocuments(List<String> documents) {
        this.documents = documents == null ? new ArrayList<>() : new ArrayList<>(documents);
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey != null && idempotencyKey.matches("[A-Za-z0-9-]{8,80}")) {
            this.idempotencyKey = idempotencyKey;
        }
    }

    /**
     * A new key after the API refused the form (a 4xx problem: nothing was created). The platform keeps the answer
     * under the old key, so the corrected form, a different body, needs its own key; after no answer (timeout, 5xx)
     * the key stays, so a retry can never make a second application.
     */
    public void renewIdempotencyKey() {
        this.idempotencyKey = "console-org-" + UUID.randomUUID();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** 名称: 行政区划 + 字号 + 行业/业务领域 + 组织形式. */
    public static class Name {
        private String region = "";
        private String tradeName = "";
        private String field = "";
        private String form = "";

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = text(region);
        }

        public String getTradeName() {
            return tradeName;
        }

        public void setTradeName(String tradeName) {
            this.tradeName = text(tradeName);
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = text(field);
        }

        public String getForm() {
            return form;
        }

        public void setForm(String form) {
            this.form = text(form);
        }
    }

    /** 法定代表人. */
    public static class Person {
        private String name = "";
        private String idNumber = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = text(name);
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = text(idNumber);
        }
    }

    /** 会员数 of a 社会团体, as typed. */
    public static class Members {
        private String individuals = "";
        private String units = "0";

        public String getIndividuals() {
            return individuals;
        }

        public void setIndividuals(String individuals) {
            this.individuals = text(individuals);
        }

        public String getUnits() {
            return units;
        }

        public void setUnits(String units) {
            this.units = text(units);
        }
    }
}
