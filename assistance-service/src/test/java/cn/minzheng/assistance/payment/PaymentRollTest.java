package cn.minzheng.assistance.payment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The roll's rules: who is paid for a month, and how a changed amount of a drawn month is corrected. */
class PaymentRollTest {
    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final YearMonth NOV = YearMonth.of(2026, 11);

    static Entitlement entitlement(String number, String region, boolean payable, Function<YearMonth, Long> amount) {
        return new Entitlement(number, "DIBAO_URBAN", region, "张三", "11010519491231002X", 3, payable, amount);
    }

    /**
     * One case, drawn for October at {@code drawnOct}; November's roll given what is owed now for
     * each month. Expect the November line and the October correction (kind and amount, or none).
     */
    @ParameterizedTest(name = "payable={0} owed Oct {1} Nov {2}, Oct drew {3} → Nov {4}, correction {5} {6}")
    @CsvSource({
            // paid as drawn: the month's benefit only
            "true,  60000, 60000, 60000, 60000, ,        0",
            // raised after October was drawn: 补发 of the difference
            "true,  65000, 65000, 60000, 65000, TOP_UP,    5000",
            // lowered after October was drawn: 扣减 of the difference
            "true,  55000, 55000, 60000, 55000, DEDUCTION, -5000",
            // suspended or terminated: nothing for November, the drawn October stands
            "false, 60000, 60000, 60000, 0,     ,          0",
            // terminated after a rise for October: no November line, but October's difference is still owed
            "false, 65000, 65000, 60000, 0,     TOP_UP,    5000",
            // 渐退期 ended in October: nothing for November
            "true,  60000, 0,     60000, 0,     ,          0",
            // nothing drawn in October (suspended then): nothing is corrected, November paid
            "true,  60000, 60000, ,      60000, ,          0",
    })
    void novemberRoll(boolean payable, long owedOct, long owedNov, Long drewOct, long novLine, LineKind correction,
                      long correctionFen) {
        Function<YearMonth, Long> owed = m -> m.equals(OCT) ? owedOct : m.equals(NOV) ? owedNov : 0L;
        Map<String, Map<YearMonth, Long>> drawn = drewOct == null ? Map.of()
                : Map.of("C1", Map.of(OCT, drewOct));
        List<PaymentLine> lines = PaymentRoll.draw(NOV, List.of(entitlement("C1", "421303001001", payable, owed)), drawn);

        assertThat(lines.stream().filter(l -> l.kind() == LineKind.REGULAR).mapToLong(PaymentLine::amountFen).sum())
                .isEqualTo(novLine);
        assertThat(lines.stream().filter(l -> l.kind() == LineKind.REGULAR).allMatch(l -> l.forMonth().equals(NOV))).isTrue();
        List<PaymentLine> corrections = lines.stream().filter(l -> l.kind() != LineKind.REGULAR).toList();
        if (correction == null) {
            assertThat(corrections).isEmpty();
        } else {
            assertThat(corrections).singleElement().satisfies(l -> {
                assertThat(l.kind()).isEqualTo(correction);
                assertThat(l.amountFen()).isEqualTo(correctionFen);
                assertThat(l.forMonth()).isEqualTo(OCT);
            });
        }
    }

    @ParameterizedTest(name = "{0} → town {1}")
    @CsvSource({"421303001001, 421303001", "421303002007, 421303002", "441900003001, 441900003"})
    void townIsTheFirstNineDigits(String region, String town) {
        List<PaymentLine> lines = PaymentRoll.draw(NOV, List.of(entitlement("C1", region, true, m -> 100L)), Map.of());
        assertThat(lines).singleElement().extracting(PaymentLine::town).isEqualTo(town);
        assertThat(Totals.of(lines).byTown()).containsExactly(Map.entry(town, 100L));
    }

    // ---- properties ----------------------------------------------------------------------------

    record Case(String number, String region, String program, boolean payable, long oct, long nov) {
    }

    @Provide
    Arbitrary<List<Case>> cases() {
        Arbitrary<Case> one = Combinators.combine(
                Arbitraries.integers().between(1, 9999).map(i -> String.format("C%04d", i)),
                Arbitraries.of("421303001001", "421303001002", "421303002001", "421303003005"),
                Arbitraries.of("DIBAO_URBAN", "DIBAO_RURAL", "TEKUN", "DIBAO_EDGE"),
                Arbitraries.of(true, false),
                Arbitraries.longs().between(0, 500_000),
                Arbitraries.longs().between(0, 500_000))
                .as(Case::new);
        return one.list().ofMaxSize(40).uniqueElements(Case::number);
    }

    private static List<Entitlement> entitlements(List<Case> cases) {
        return cases.stream().map(c -> new Entitlement(c.number(), c.program(), c.region(), "李四", "x", 2,
                c.payable(), m -> m.equals(OCT) ? c.oct() : m.equals(NOV) ? c.nov() : 0L)).toList();
    }

    @Property(seed = "20261207")
    void totalsAreTheSumOfTheLines(@ForAll("cases") List<Case> cases,
                                   @ForAll("drawnOctober") Map<String, Long> drewOct) {
        Map<String, Map<YearMonth, Long>> drawn = new TreeMap<>();
        drewOct.forEach((n, fen) -> drawn.put(n, Map.of(OCT, fen)));
        List<PaymentLine> lines = PaymentRoll.draw(NOV, entitlements(cases), drawn);
        Totals t = Totals.of(lines);
        long sum = lines.stream().mapToLong(PaymentLine::amountFen).sum();
        assertThat(t.totalFen()).isEqualTo(sum);
        assertThat(t.byProgram().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(sum);
        assertThat(t.byTown().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(sum);
        assertThat(t.lineCount()).isEqualTo(lines.size());
        for (String program : t.byProgram().keySet()) {
            assertThat(t.byProgram().get(program)).isEqualTo(lines.stream().filter(l -> l.program().equals(program))
                    .mapToLong(PaymentLine::amountFen).sum());
        }
    }

    @Provide
    Arbitrary<Map<String, Long>> drawnOctober() {
        return Arbitraries.maps(Arbitraries.integers().between(1, 9999).map(i -> String.format("C%04d", i)),
                Arbitraries.longs().between(1, 500_000)).ofMaxSize(20);
    }

    /** Drawing the same month twice from the same facts gives the same lines, in the same order. */
    @Property(seed = "20261207")
    void drawingAgainGivesTheSameRoll(@ForAll("cases") List<Case> cases) {
        List<Entitlement> e = entitlements(cases);
        List<Entitlement> reversed = new ArrayList<>(e);
        Collections.reverse(reversed);
        assertThat(PaymentRoll.draw(NOV, e, Map.of())).isEqualTo(PaymentRoll.draw(NOV, reversed, Map.of()));
    }

    /**
     * After any correction, what the rolls hold for a drawn month equals what is owed for it: October's
     * batch plus November's corrections make October right, whatever changed in between.
     */
    @Property(seed = "20261207")
    void correctionsMakeEveryDrawnMonthRight(@ForAll("cases") List<Case> cases) {
        List<Entitlement> atOctober = cases.stream().map(c -> new Entitlement(c.number(), c.program(), c.region(),
                "李四", "x", 2, c.payable(), m -> c.nov())).toList();
        List<PaymentLine> october = PaymentRoll.draw(OCT, atOctober, Map.of());
        List<Entitlement> now = entitlements(cases);
        List<PaymentLine> november = PaymentRoll.draw(NOV, now, PaymentRoll.drawn(october));
        Map<String, Map<YearMonth, Long>> held = PaymentRoll.drawn(concat(october, november));
        for (Entitlement e : now) {
            Long heldOct = held.getOrDefault(e.caseNumber(), Map.of()).get(OCT);
            if (heldOct != null) {
                assertThat(heldOct).as(e.caseNumber()).isEqualTo(e.amountIn().apply(OCT));
            }
        }
        // and a third roll from the same facts corrects nothing more
        List<PaymentLine> december = PaymentRoll.draw(NOV.plusMonths(1), now, held);
        assertThat(december).noneMatch(l -> l.kind() != LineKind.REGULAR && l.forMonth().equals(OCT));
        // lines already drawn are never touched: October's roll is still the same list
        assertThat(PaymentRoll.draw(OCT, atOctober, Map.of())).isEqualTo(october);
    }

    private static List<PaymentLine> concat(List<PaymentLine> a, List<PaymentLine> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
