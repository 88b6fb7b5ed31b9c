package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.problem.IllegalTransitionProblem;
import cn.minzheng.platform.kit.problem.ProblemMessages;

import java.util.List;

/**
 * 409 {@code illegal-transition} of a case: {@code from}/{@code action} as before, and a detail that says
 * the state in words and the steps possible from it (arguments 3 = Chinese, 4 = English of the bundles'
 * {@code illegal-transition.detail}).
 */
public class CaseStepRefused extends IllegalTransitionProblem {
    private final List<Object> args;

    public CaseStepRefused(ApplicationStatus from, ApplicationCommand command) {
        this(from, command, null);
    }

    /** The answer to the kit's refusal of a case's step; its message (with the reason, if any) is what logs show. */
    public CaseStepRefused(IllegalTransition refused) {
        this(ApplicationStatus.valueOf(refused.status()), ApplicationCommand.valueOf(refused.action()), refused);
    }

    private CaseStepRefused(ApplicationStatus from, ApplicationCommand command, IllegalTransition refused) {
        super(from.name(), null, command.name(), refused);
        this.args = List.of(command.name(), from.name(), "null",
                CaseTexts.refusal(from, command, ProblemMessages.CHINESE),
                CaseTexts.refusal(from, command, ProblemMessages.ENGLISH));
    }

    /** As {@link IllegalTransitionProblem} with the texts in words: 0 action, 1 from, 2 to, 3 zh, 4 en. */
    public CaseStepRefused(String from, String action, String zh, String en) {
        super(from, null, action);
        this.args = List.of(String.valueOf(action), String.valueOf(from), "null", zh, en);
    }

    @Override
    public List<Object> args() {
        return args;
    }
}
