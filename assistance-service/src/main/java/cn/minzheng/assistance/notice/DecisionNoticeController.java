package cn.minzheng.assistance.notice;

import cn.minzheng.assistance.application.ApplicationWorkflow;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ProblemMessages;
import cn.minzheng.assistance.application.CaseTexts;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The applicant reads the decision of their case; staff in scope read what the applicant reads. */
@RestController
@RequestMapping("/api/v1/assistance/applications")
public class DecisionNoticeController {
    static final String OWN_CASES_ONLY = "decision-own-cases-only";
    static final String NOT_DECIDED = "decision-not-made";

    private final ApplicationWorkflow workflow;
    private final IssuingAuthorities authorities;

    public DecisionNoticeController(ApplicationWorkflow workflow, IssuingAuthorities authorities) {
        this.workflow = workflow;
        this.authorities = authorities;
    }

    @GetMapping("/{number}/decision")
    public Mono<DecisionNotice> decision(@PathVariable String number) {
        return CurrentPrincipal.require().flatMap(p -> workflow.read(number, p)
                // a citizen reads only their own decisions: refused (and audited) alike whether the number
                // is someone else's or unknown, so the answer does not tell which numbers exist
                .onErrorMap(NotFoundProblem.class, e -> citizen(p) ? new ForbiddenProblem(OWN_CASES_ONLY, number) : e))
                .flatMap(c -> Mono.justOrEmpty(DecisionNotice.of(c, authorities)).switchIfEmpty(Mono.error(() ->
                        new ProblemException(404, NOT_DECIDED, number,
                                CaseTexts.status(c.status(), ProblemMessages.CHINESE),
                                CaseTexts.status(c.status(), ProblemMessages.ENGLISH)))));
    }

    private static boolean citizen(Principal p) {
        return p.roles().contains(Role.CITIZEN);
    }
}
