package cn.minzheng.audit.timeline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/audit/timeline/organizations/{key}}: one organization's
 * 全过程记录 across its subjects (registration applications {@code APP-…}, the organization
 * {@code ORG-…}, annual reports, enforcement cases, credit-list entries, spot-check results), in
 * time order. {@code key} as asked (credit code or organization id), {@code organizationIds} what it
 * stands for, {@code subjects} the subjects the entries belong to; entries, {@code integrity} and
 * {@code readRecordedAs} as in {@link TimelineView}.
 */
@JsonPropertyOrder({"key", "organizationIds", "subjects", "count", "entries", "integrity", "readRecordedAs"})
public record OrganizationTimelineView(String key, List<String> organizationIds, List<String> subjects, int count,
        List<TimelineView.Entry> entries, TimelineIntegrity.Report integrity, String readRecordedAs) {
}
