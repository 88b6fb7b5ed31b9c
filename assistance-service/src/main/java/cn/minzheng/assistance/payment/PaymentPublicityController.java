package cn.minzheng.assistance.payment;

import cn.minzheng.platform.codes.masking.Masking;
import cn.minzheng.platform.codes.money.Fen;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/**
 * 发放公示 [57]§24: who receives what in a published batch — masked name, household size, amount,
 * program; no ID numbers, no case numbers (no token needed). Corrections of earlier months are not
 * listed: the list shows the month's benefit.
 */
@RestController
@RequestMapping("/api/v1/assistance/public/payment-batches")
public class PaymentPublicityController {
    private final PaymentWorkflow payments;

    public PaymentPublicityController(PaymentWorkflow payments) {
        this.payments = payments;
    }

    public record Recipient(String name, int householdSize, String amount, String program) {
    }

    public record Publication(String id, String regionCode, String month, Instant publishedAt,
                              List<Recipient> recipients) {
        static Publication of(PaymentBatch b) {
            return new Publication(b.id(), b.regionCode(), b.month().toString(), b.publishedAt(), b.lines().stream()
                    .filter(l -> l.kind() == LineKind.REGULAR || l.kind() == LineKind.ONE_OFF)
                    .map(l -> new Recipient(Masking.name(l.recipientName()), l.householdSize(),
                            Fen.of(l.amountFen()).yuan(), l.program()))
                    .toList());
        }
    }

    @GetMapping("/{id}/recipients")
    public Mono<Publication> recipients(@PathVariable String id) {
        return payments.published(id).map(Publication::of);
    }
}
