package cn.minzheng.org.registration;

import java.time.LocalDate;
import java.util.Set;

/** 注销登记: filed within 15 days after liquidation ends, with the liquidation report. */
public record DeregistrationRequest(LocalDate liquidationEndedOn, String reason, Set<DocumentKind> documents) {
    public DeregistrationRequest {
        documents = documents == null ? Set.of() : Set.copyOf(documents);
    }
}
