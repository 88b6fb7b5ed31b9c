package cn.minzheng.assistance.payment;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.Transitioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch's lifecycle: every (status, command) pair, approval by another APPROVER, the events. */
class PaymentBatchTest {
    static final Instant AT = Instant.parse("2026-11-02T01:00:00Z");
    static final BatchActor CLERK = new BatchActor("clerk-1", "王经办", Set.of("CLERK"));
    static final BatchActor APPROVER = new BatchActor("approver-1", "赵审批", Set.of("APPROVER"));
    static final List<PaymentLine> LINES = List.of(
            new PaymentLine("C1", "DIBAO_URBAN", "421303001", "张三", "11010519491231002X", 3, YearMonth.of(2026, 11),
                    LineKind.REGULAR, 104000),
            new PaymentLine("C2", "TEKUN", "421303002", "李四", "11010519491231002X", 1, YearMonth.of(2026, 10),
                    LineKind.DEDUCTION, -5000));

    static PaymentBatch in(BatchStatus status) {
        PaymentBatch b = PaymentBatch.create("421303", YearMonth.of(2026, 11), LINES, CLERK, AT).next();
        if (status == BatchStatus.CREATED) {
            return b;
        }
        b = b.approve(APPROVER, AT).next();
        if (status == BatchStatus.APPROVED) {
            return b;
        }
        b = b.export("csv", "a".repeat(64), CLERK, AT).next();
        return status == BatchStatus.EXPORTED ? b : b.publish(CLERK, AT).next();
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (BatchStatus s : BatchStatus.values()) {
            for (BatchCommand c : BatchCommand.values()) {
                BatchStatus expected = switch (s) {
                    case CREATED -> c == BatchCommand.APPROVE ? BatchStatus.APPROVED : null;
                    case APPROVED -> c == BatchCommand.EXPORT ? BatchStatus.EXPORTED : null;
                    case EXPORTED -> c == BatchCommand.EXPORT ? BatchStatus.EXPORTED
                            : c == BatchCommand.PUBLISH ? BatchStatus.PUBLISHED : null;
                    case PUBLISHED -> null;
                };
                out.add(Arguments.of(s, c, expected));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @MethodSource("everyPair")
    void everyStatusAndCommand(BatchStatus from, BatchCommand command, BatchStatus expected) {
        PaymentBatch b = in(from);
        if (expected == null) {
            assertThatThrownBy(() -> run(b, command)).isInstanceOf(IllegalTransition.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(command.name());
            return;
        }
        Transitioned<PaymentBatch, BatchEvent> t = run(b, command);
        assertThat(t.next().status()).isEqualTo(expected);
        assertThat(t.next().version()).isEqualTo(b.version() + 1);
        assertThat(t.next().lines()).isEqualTo(b.lines());
        assertThat(t.event().name()).isEqualTo(command.eventName());
        assertThat(t.event().from()).isEqualTo(from);
        assertThat(t.event().to()).isEqualTo(expected);
        assertThat(t.event().data()).containsEntry("totalFen", 99000L).containsEntry("lineCount", 2)
                .containsEntry("linesDigest", b.linesDigest());
    }

    private static Transitioned<PaymentBatch, BatchEvent> run(PaymentBatch b, BatchCommand c) {
        return switch (c) {
            case APPROVE -> b.approve(APPROVER, AT);
            case EXPORT -> b.export("xlsx", "b".repeat(64), CLERK, AT);
            case PUBLISH -> b.publish(CLERK, AT);
        };
    }

    @Test
    void theOneWhoDrewItUpDoesNotApproveIt() {
        BatchActor approverWhoCreated = new BatchActor("approver-1", "赵审批", Set.of("APPROVER"));
        PaymentBatch b = PaymentBatch.create("421303", YearMonth.of(2026, 11), LINES, approverWhoCreated, AT).next();
        assertThatThrownBy(() -> b.approve(approverWhoCreated, AT)).isInstanceOf(BatchRefusal.class)
                .extracting(e -> ((BatchRefusal) e).code()).isEqualTo(BatchRefusal.OWN_BATCH);
        assertThat(b.approve(new BatchActor("approver-2", "钱审批", Set.of("APPROVER")), AT).next().approvedBy())
                .isEqualTo("approver-2");
    }

    @Test
    void onlyAnApproverApproves() {
        PaymentBatch b = in(BatchStatus.CREATED);
        for (String role : List.of("CLERK", "CITIZEN", "AUDITOR", "ADMIN")) {
            assertThatThrownBy(() -> b.approve(new BatchActor("x", "x", Set.of(role)), AT)).as(role)
                    .isInstanceOf(BatchRefusal.class)
                    .extracting(e -> ((BatchRefusal) e).code()).isEqualTo(BatchRefusal.ROLE_NOT_ALLOWED);
        }
        assertThatThrownBy(() -> PaymentBatch.create("421303", YearMonth.of(2026, 11), LINES,
                new BatchActor("c", "c", Set.of("CITIZEN")), AT)).isInstanceOf(BatchRefusal.class);
    }

    @Test
    void createdEventCarriesTheTotalsByProgramAndTown() {
        BatchEvent e = PaymentBatch.create("421303", YearMonth.of(2026, 11), LINES, CLERK, AT).event();
        assertThat(e.name()).isEqualTo("created");
        assertThat(e.data()).containsEntry("regionCode", "421303").containsEntry("month", "2026-11")
                .containsEntry("adjustmentCount", 1);
        assertThat(e.data().get("totalsByProgram")).isEqualTo(Map.of("DIBAO_URBAN", 104000L, "TEKUN", -5000L));
        assertThat(e.data().get("totalsByTown")).isEqualTo(Map.of("421303001", 104000L, "421303002", -5000L));
    }

    @Test
    void exportRemembersTheChecksumPerFormat() {
        PaymentBatch b = in(BatchStatus.EXPORTED).export("xlsx", "c".repeat(64), CLERK, AT).next();
        assertThat(b.checksums()).containsEntry("csv", "a".repeat(64)).containsEntry("xlsx", "c".repeat(64));
    }

    @Test
    void digestChangesWithAnyLine() {
        PaymentBatch a = in(BatchStatus.CREATED);
        List<PaymentLine> other = new ArrayList<>(LINES);
        PaymentLine l = other.remove(0);
        other.add(0, new PaymentLine(l.caseNumber(), l.program(), l.town(), l.recipientName(), l.idNumber(),
                l.householdSize(), l.forMonth(), l.kind(), l.amountFen() + 1));
        PaymentBatch b = PaymentBatch.create("421303", YearMonth.of(2026, 11), other, CLERK, AT).next();
        assertThat(a.linesDigest()).hasSize(64).isNotEqualTo(b.linesDigest());
    }
}
