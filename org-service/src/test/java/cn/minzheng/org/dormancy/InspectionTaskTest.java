package cn.minzheng.org.dormancy;

import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inspection task: its one move tested from every state, its due date and its findings. */
class InspectionTaskTest {
    private static final LocalDate ON = LocalDate.of(2026, 6, 30);

    private static InspectionTask opened() {
        return InspectionTask.open("DT-1", "ORG-1", "421126", DormancyGround.CONSECUTIVE_NON_FILING, "连续2年未报送", ON,
                DormancyPolicy.defaults()).next();
    }

    /** (state, allowed?) for the one command, close. */
    @ParameterizedTest(name = "{0} --close--> {1}")
    @CsvSource({"OPEN, true", "CLOSED, false"})
    void everyStateAndCommand(TaskStatus state, boolean allowed) {
        InspectionTask t = state == TaskStatus.OPEN ? opened() : opened().close("已闭门", true, ON, "i").next();
        if (allowed) {
            InspectionTask closed = t.close("住所已无人办公", true, ON.plusDays(3), "inspector-1").next();
            assertThat(closed.status()).isEqualTo(TaskStatus.CLOSED);
            assertThat(closed.version()).isEqualTo(2);
        } else {
            assertThatThrownBy(() -> t.close("再次", false, ON, "i")).isInstanceOf(IllegalTransition.class)
                    .satisfies(e -> assertThat(((IllegalTransition) e).aggregate()).isEqualTo("inspection-task"));
        }
    }

    @Test
    void dueAfterTheConfiguredDaysAndLateClosingsAreMarked() {
        var t = InspectionTask.open("DT-1", "ORG-1", "421126", DormancyGround.NO_ACTIVITY_AFTER_REGISTRATION, "事实", ON,
                DormancyPolicy.defaults());
        assertThat(t.next().dueOn()).isEqualTo(ON.plusDays(30));
        assertThat(t.event().attributes()).containsEntry("dueOn", ON.plusDays(30).toString()).containsEntry("ground",
                "NO_ACTIVITY_AFTER_REGISTRATION");
        assertThat(t.next().overdue(ON.plusDays(30))).isFalse();
        assertThat(t.next().overdue(ON.plusDays(31))).isTrue();
        assertThat(t.next().close("已核查", false, ON.plusDays(31), "i").event().attributes()).containsEntry("late", true);
    }

    @Test
    void findingsAreRequired() {
        assertThatThrownBy(() -> opened().close(" ", true, ON, "i")).isInstanceOf(InvalidFields.class)
                .satisfies(e -> assertThat(((InvalidFields) e).problems().get(0).pointer()).isEqualTo("/findings"));
        assertThatThrownBy(() -> opened().close("长".repeat(InspectionTask.MAX_FINDINGS + 1), true, ON, "i")).isInstanceOf(InvalidFields.class);
    }
}
