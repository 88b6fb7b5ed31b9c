package cn.minzheng.assistance.publicity;

import cn.minzheng.assistance.application.ApplicationQueries;
import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** 公示: the cases in publicity, optionally under a region prefix, 100 at a time in number order. */
@Component
public class PublicityQueries {
    static final int PAGE = 100;
    private final ApplicationStore store;

    public PublicityQueries(ApplicationStore store) {
        this.store = store;
    }

    /** {@code region}: a 区划 prefix or null for all; {@code cursor}: the last number of the previous page. */
    public Flux<AssistanceCase> inPublicity(String region, String cursor) {
        return Flux.defer(() -> {
            if (region != null && !region.matches("\\d{2,12}")) {
                throw new ValidationProblem(FieldProblem.withMessage("/region", "REGION_FORMAT",
                        "a 区划 code prefix of 2 to 12 digits"));
            }
            Criteria c = Criteria.where("status").is(ApplicationStatus.IN_PUBLICITY.name());
            if (region != null) {
                c = new Criteria().andOperator(c, ApplicationStore.regionPrefix(region));
            }
            return store.page(c, ApplicationQueries.cursor(cursor), PAGE);
        });
    }
}
