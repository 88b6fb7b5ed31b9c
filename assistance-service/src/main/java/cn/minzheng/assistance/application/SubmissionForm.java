package cn.minzheng.assistance.application;

import cn.minzheng.assistance.household.FieldProblem;
import cn.minzheng.assistance.household.Submission;

import java.util.List;

/** A submission as it arrived (the web's request body): read into the domain's, every problem collected. */
@FunctionalInterface
public interface SubmissionForm {
    /** The submission; each field that cannot be read is added to {@code problems}. */
    Submission toSubmission(List<FieldProblem> problems);
}
