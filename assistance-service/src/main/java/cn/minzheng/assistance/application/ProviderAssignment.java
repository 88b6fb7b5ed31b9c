package cn.minzheng.assistance.application;

import java.time.LocalDate;

/**
 * A care-service provider (社会组织) assigned to a beneficiary; flagged for the clerk when it loses
 * good standing.
 */
public record ProviderAssignment(String providerId, String providerName, LocalDate assignedOn, String assignedBy,
                                 boolean flagged, String flagReason) {
}
