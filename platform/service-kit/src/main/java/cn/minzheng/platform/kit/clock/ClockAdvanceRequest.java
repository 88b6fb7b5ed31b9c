package cn.minzheng.platform.kit.clock;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Body of {@code POST {minzheng.clock.path}}: {@code {"advanceBy":"P8D"}}. Read strictly like every
 * request body (a number, an unknown field or a second key is refused before this record exists).
 */
public record ClockAdvanceRequest(String advanceBy) {

    static final String POINTER = "/advanceBy";

    /**
     * The duration to advance by; a missing or unreadable value is a 400 {@link ValidationProblem}
     * whose field error ({@code invalid-duration}) says what to send. Sign is checked by
     * {@link BusinessClock#advance}.
     */
    public Duration duration() {
        if (advanceBy == null || advanceBy.isBlank()) {
            throw invalid("missing");
        }
        try {
            return Duration.parse(advanceBy.trim());
        } catch (DateTimeParseException notIso) {
            throw invalid(advanceBy);
        }
    }

    static ValidationProblem invalid(String given) {
        return new ValidationProblem(new FieldProblem(POINTER, "invalid-duration", List.of(given),
                "send {\"advanceBy\":\"P8D\"}: a positive ISO-8601 duration in days, hours, minutes or seconds "
                        + "(P8D, PT6H, P1DT12H), not " + given));
    }
}
