package cn.minzheng.assistance.application.web;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.assistance.selfcare.CareItem;
import cn.minzheng.assistance.selfcare.SelfCareAssessment;
import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body each command sub-resource takes, one record per shape. Bodies are read strictly (the
 * service kit's {@code StrictJsonBodies}, on by default): a field another command takes is an unknown field here, and a value of
 * the wrong JSON type is refused before the case is loaded. The checks below turn a missing or
 * oversized text into a 400 field problem, so the domain's own rules only meet well-formed input.
 */
public final class CommandBodies {
    /** Written reasons, findings, summaries: long enough for a notice, short enough to log and show. */
    public static final int MAX_TEXT = 2000;
    /** Listed items (missing materials, staff, members present). */
    public static final int MAX_ITEMS = 50;

    private CommandBodies() {
    }

    /** A command that takes no fields ({@code {}} or no body at all). */
    public record Empty() {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Empty {
        }
    }

    /** Written reasons: withdrawal, refusals, objections, suspension, resumption, termination, ... */
    public record Reason(String reason) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Reason {
        }

        /** The reason, present and within bounds, or a 400 problem at {@code /reason}. */
        public String required() {
            return requiredText("/reason", reason);
        }
    }

    /** 一次性告知: every missing item at once. */
    public record Supplement(List<String> missingItems) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Supplement {
        }

        public List<String> items() {
            return requiredItems("/missingItems", missingItems);
        }
    }

    /** 入户调查; {@code selfCare} (特困 only) answers each of the six items of [43]§21 with true or false. */
    public record HomeVisitEntry(LocalDate visitedOn, List<String> staffIds, String findings,
                                 List<String> membersPresent, Map<CareItem, Boolean> selfCare) {
        /** The assessment, if one was given and is complete; a 400 problem per item left out. */
        public SelfCareAssessment check() {
            List<FieldProblem> problems = new ArrayList<>();
            items(problems, "/staffIds", staffIds, false);
            items(problems, "/membersPresent", membersPresent, false);
            text(problems, "/findings", findings, false);
            if (selfCare != null) {
                for (CareItem item : CareItem.values()) {
                    if (selfCare.get(item) == null) {
                        problems.add(FieldProblem.withMessage("/selfCare/" + item.name(), "REQUIRED",
                                "each of the six self-care items is answered true or false"));
                    }
                }
            }
            throwIfAny(problems);
            return selfCare == null ? null : new SelfCareAssessment(selfCare);
        }
    }

    /** Manual entry of 核对 results. */
    public record EconomicCheckEntry(String summary, Boolean incomeConfirmed, Boolean supporterAble) {
        public void check() {
            List<FieldProblem> problems = new ArrayList<>();
            text(problems, "/summary", summary, false);
            throwIfAny(problems);
        }
    }

    public record OpinionEntry(Boolean recommendApproval, String reason) {
        public String checkedReason() {
            if (recommendApproval == null) {
                throw new ValidationProblem(FieldProblem.withMessage("/recommendApproval", "REQUIRED",
                        "true or false"));
            }
            return requiredText("/reason", reason);
        }
    }

    /** 审核确认: approve, or deny with written reasons. */
    public record DecisionEntry(Boolean approve, Boolean unstableIncome, String reason) {
        public boolean approved() {
            if (approve == null) {
                throw new ValidationProblem(FieldProblem.withMessage("/approve", "REQUIRED", "true or false"));
            }
            if (!approve) {
                requiredText("/reason", reason);
            } else if (reason != null) {
                text("/reason", reason);
            }
            return approve;
        }
    }

    /** 先行救助: an amount in yuan (two-decimal string) and why. */
    public record Payment(String amount, String reason) {
        public long amountFen() {
            try {
                return Fen.parseYuan(amount).value();
            } catch (InvalidCodeException e) {
                throw new ValidationProblem(new FieldProblem("/amount", "AMOUNT_FORMAT", List.of(e.messageZh()), e.messageZh()));
            }
        }
    }

    public record RecheckConfirmation(Boolean unstableIncome) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public RecheckConfirmation {
        }
    }

    /** 渐退期. */
    public record PhaseOut(Integer months, String reason) {
        public int checkedMonths() {
            if (months == null) {
                throw new ValidationProblem(FieldProblem.withMessage("/months", "REQUIRED", "the number of months"));
            }
            return months;
        }
    }

    static boolean flag(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    static String requiredText(String pointer, String value) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, pointer, value, true);
        throwIfAny(problems);
        return value;
    }

    static String text(String pointer, String value) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, pointer, value, false);
        throwIfAny(problems);
        return value;
    }

    static List<String> requiredItems(String pointer, List<String> values) {
        List<FieldProblem> problems = new ArrayList<>();
        items(problems, pointer, values, true);
        throwIfAny(problems);
        return values;
    }

    private static void text(List<FieldProblem> problems, String pointer, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.withMessage(pointer, "REQUIRED", "a written text is required"));
            }
        } else if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(pointer, "TOO_LONG", List.of(MAX_TEXT), "at most " + MAX_TEXT + " characters"));
        }
    }

    private static void items(List<FieldProblem> problems, String pointer, List<String> values, boolean required) {
        if (values == null || values.isEmpty()) {
            if (required) {
                problems.add(FieldProblem.withMessage(pointer, "REQUIRED", "at least one item"));
            }
            return;
        }
        if (values.size() > MAX_ITEMS) {
            problems.add(new FieldProblem(pointer, "TOO_MANY", List.of(MAX_ITEMS), "at most " + MAX_ITEMS + " items"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank()) {
                problems.add(FieldProblem.withMessage(pointer + "/" + i, "REQUIRED", "an item is empty"));
            } else if (v.length() > 200) {
                problems.add(new FieldProblem(pointer + "/" + i, "TOO_LONG", List.of(200), "at most 200 characters"));
            }
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems);
        }
    }
}
