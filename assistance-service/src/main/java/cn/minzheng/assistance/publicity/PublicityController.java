package cn.minzheng.assistance.publicity;

import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.ApplicationQueries;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.platform.codes.masking.Masking;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** 公示: the public, masked list of cases in publicity (no token needed). */
@RestController
@RequestMapping("/api/v1/assistance/public/publicity")
public class PublicityController {
    private final ApplicationStore store;

    public PublicityController(ApplicationStore store) {
        this.store = store;
    }

    /** Masked: 张*三 style name, household size, program, region, dates; no ID numbers, no incomes. */
    public record Notice(String number, String program, String regionCode, String applicant, int householdSize,
                         String startDate, String endDate) {
        static Notice of(AssistanceCase c) {
            String name = c.submission().members().stream()
                    .filter(m -> m.idNumber().equalsIgnoreCase(c.submission().applicantIdNumber()))
                    .map(m -> m.name()).findFirst().orElse("");
            return new Notice(c.number(), c.program().name(), c.regionCode(), Masking.name(name), c.memberIds().size(),
                    c.publicity().startedOn().toString(), c.publicity().endsOn().toString());
        }
    }

    @GetMapping
    public Flux<Notice> list(@RequestParam(required = false) String region,
                             @RequestParam(required = false) String cursor) {
        return Flux.defer(() -> {
            if (region != null && !region.matches("\\d{2,12}")) {
                throw new ValidationProblem(FieldProblem.withMessage("/region", "REGION_FORMAT",
                        "a 区划 code prefix of 2 to 12 digits"));
            }
            Criteria c = Criteria.where("status").is(ApplicationStatus.IN_PUBLICITY.name());
            if (region != null) {
                c = new Criteria().andOperator(c, ApplicationStore.regionPrefix(region));
            }
            return store.page(c, ApplicationQueries.cursor(cursor), 100).map(Notice::of);
        });
    }
}
