package cn.minzheng.org.registration;

import cn.minzheng.org.naming.OrganizationName;

import java.time.LocalDate;
import java.util.Set;

/**
 * 变更登记: the items to change (null = unchanged) and the date the sponsor consented; the
 * application is due within 30 days of that consent ([SG]§18).
 */
public record ChangeRequest(OrganizationName name,
                            String residence,
                            Person legalRepresentative,
                            String businessScope,
                            Long fundsFen,
                            LocalDate sponsorConsentOn,
                            Set<DocumentKind> documents) {
    public ChangeRequest {
        documents = documents == null ? Set.of() : Set.copyOf(documents);
    }

    public boolean empty() {
        return name == null && residence == null && legalRepresentative == null && businessScope == null && fundsFen == null;
    }

    /** Changes of name, 住所 and legal representative are announced (公告). */
    public boolean announced() {
        return name != null || residence != null || legalRepresentative != null;
    }
}
