package cn.minzheng.audit.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One page of a record search as {@code GET /api/v1/audit/records} answers it: the records and the
 * opaque cursor of the next page ({@code null} on the last page).
 */
@JsonPropertyOrder({"items", "nextCursor"})
public record RecordPage(List<RecordView> items, String nextCursor) {
}
