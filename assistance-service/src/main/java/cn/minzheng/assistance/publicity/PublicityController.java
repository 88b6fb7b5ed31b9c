package cn.minzheng.assistance.publicity;

import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.household.HouseholdMember;
import cn.minzheng.platform.codes.masking.Masking;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** 公示: the public, masked list of cases in publicity (no token needed). */
@RestController
@RequestMapping("/api/v1/assistance/public/publicity")
public class PublicityController {
    private final PublicityQueries queries;

    public PublicityController(PublicityQueries queries) {
        this.queries = queries;
    }

    /** Masked: 张*三 style name, household size, program, region, dates; no ID numbers, no incomes. */
    public record Notice(String number, String program, String regionCode, String applicant, int householdSize,
                         String startDate, String endDate) {
        static Notice of(AssistanceCase c) {
            String name = c.submission().members().stream()
                    .filter(m -> m.idNumber().equalsIgnoreCase(c.submission().applicantIdNumber()))
                    .map(HouseholdMember::name).findFirst().orElse("");
            return new Notice(c.number(), c.program().name(), c.regionCode(), Masking.name(name), c.memberIds().size(),
                    c.publicity().startedOn().toString(), c.publicity().endsOn().toString());
        }
    }

    @GetMapping
    public Flux<Notice> list(@RequestParam(required = false) String region,
                             @RequestParam(required = false) String cursor) {
        return queries.inPublicity(region, cursor).map(Notice::of);
    }
}
