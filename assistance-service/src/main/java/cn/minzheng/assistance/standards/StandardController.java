package cn.minzheng.assistance.standards;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Effective-dated standards: everyone with a token reads them, ADMIN adds one. */
@RestController
@RequestMapping("/api/v1/assistance/standards")
public class StandardController {
    private final StandardWorkflow standards;

    public StandardController(StandardWorkflow standards) {
        this.standards = standards;
    }

    /** A standard as the API takes it: yuan per person and month. */
    public record NewStandard(String regionPrefix, StandardKind kind, String effectiveFrom, String monthlyAmount,
                              String source) {
    }

    /**
     * A standard as the API shows it, with its id ({@code <region>-<kind>-<yyyy-MM>}, the path of its
     * recalculation runs); after an addition, {@code recalculationId} is the 调标 run it started (null when none).
     */
    public record StandardView(String id, String regionPrefix, StandardKind kind, String effectiveFrom, String monthlyAmount,
                               String source, @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String recalculationId) {
        static StandardView of(AssistanceStandard s) {
            return of(s, null);
        }

        static StandardView of(AssistanceStandard s, String recalculationId) {
            return new StandardView(s.id(), s.regionPrefix(), s.kind(), s.effectiveFrom().toString(),
                    Fen.of(s.monthlyFen()).yuan(), s.source(), recalculationId);
        }
    }

    @GetMapping
    public Flux<StandardView> list() {
        return standards.all().map(StandardView::of);
    }

    /** Adds a standard; its 调标 recalculation run starts with it ({@code recalculationId}). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<StandardView> add(@RequestBody NewStandard body) {
        return CurrentPrincipal.require().flatMap(p -> standards.addAndStart(parse(body), p))
                .map(a -> StandardView.of(a.standard(), a.recalculationId()));
    }

    /** The name of the notice that sets a standard. */
    static final int MAX_SOURCE = 500;
    /** 100,000.00 元: a bound against typing errors (the highest 特困 standards are a few thousand 元 a month). */
    static final long MAX_MONTHLY_FEN = 100_000_00L;

    static AssistanceStandard parse(NewStandard v) {
        List<FieldProblem> problems = new ArrayList<>();
        if (v.regionPrefix() == null || !v.regionPrefix().matches("\\d{2,12}")) {
            problems.add(FieldProblem.withMessage("/regionPrefix", "REGION_FORMAT", "2 to 12 digits"));
        }
        if (v.kind() == null) {
            problems.add(FieldProblem.withMessage("/kind", "REQUIRED", "kind is required"));
        }
        YearMonth from = null;
        try {
            from = YearMonth.parse(String.valueOf(v.effectiveFrom()));
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.withMessage("/effectiveFrom", "MONTH_FORMAT", "yyyy-MM"));
        }
        long monthlyFen = 0;
        try {
            monthlyFen = Fen.parseYuan(v.monthlyAmount()).value();
            if (monthlyFen <= 0 || monthlyFen > MAX_MONTHLY_FEN) {
                String bound = "标准应大于 0 元、不超过 " + Fen.of(MAX_MONTHLY_FEN).yuan() + " 元，请按元填写月标准";
                problems.add(new FieldProblem("/monthlyAmount", "AMOUNT_FORMAT", List.of(bound), bound));
            }
        } catch (InvalidCodeException e) {
            problems.add(new FieldProblem("/monthlyAmount", "AMOUNT_FORMAT", List.of(e.messageZh()), e.messageZh()));
        }
        if (v.source() == null || v.source().isBlank()) {
            problems.add(FieldProblem.withMessage("/source", "SOURCE_REQUIRED", "name the document that sets the standard"));
        } else if (v.source().length() > MAX_SOURCE) {
            problems.add(new FieldProblem("/source", "TOO_LONG", java.util.List.of(MAX_SOURCE), "at most " + MAX_SOURCE + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
        return new AssistanceStandard(v.regionPrefix(), v.kind(), from, monthlyFen, v.source());
    }
}
