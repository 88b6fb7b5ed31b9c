package cn.minzheng.assistance.payment;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What may be done to a batch, and the one explicit table of allowed transitions. Export may be
 * repeated (CSV and XLSX, or a file lost on the way to the bank): each export is recorded with its
 * checksum.
 */
public enum BatchCommand {
    APPROVE("approved"),
    EXPORT("exported"),
    PUBLISH("published");

    private static final Map<BatchStatus, Map<BatchCommand, BatchStatus>> TABLE = new EnumMap<>(BatchStatus.class);

    static {
        allow(BatchStatus.CREATED, APPROVE, BatchStatus.APPROVED);
        allow(BatchStatus.APPROVED, EXPORT, BatchStatus.EXPORTED);
        allow(BatchStatus.EXPORTED, EXPORT, BatchStatus.EXPORTED);
        allow(BatchStatus.EXPORTED, PUBLISH, BatchStatus.PUBLISHED);
    }

    private final String eventName;

    BatchCommand(String eventName) {
        this.eventName = eventName;
    }

    /** The event's name: {@code minzheng.assistance.payment-batch.<eventName>.v1}. */
    public String eventName() {
        return eventName;
    }

    private static void allow(BatchStatus from, BatchCommand command, BatchStatus to) {
        TABLE.computeIfAbsent(from, f -> new EnumMap<>(BatchCommand.class)).put(command, to);
    }

    /** The status after {@code this} from {@code from}, empty when the table does not allow it. */
    public Optional<BatchStatus> from(BatchStatus from) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(this));
    }
}
