package cn.minzheng.assistance.selfcare;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelfCareAssessmentTest {

    static SelfCareAssessment notAchieved(String items) {
        Set<CareItem> missed = EnumSet.noneOf(CareItem.class);
        Arrays.stream(items.split(" ")).filter(s -> !s.isBlank()).map(CareItem::valueOf).forEach(missed::add);
        Map<CareItem, Boolean> answers = new EnumMap<>(CareItem.class);
        for (CareItem item : CareItem.values()) {
            answers.put(item, !missed.contains(item));
        }
        return new SelfCareAssessment(answers);
    }

    /** [43]§22: all six → self-care; at most three not achieved → partial loss; four or more → full loss. */
    @ParameterizedTest(name = "not achieved [{0}] → {1}")
    @CsvSource({
            "'', SELF_CARE",
            "BATHING, PARTIAL_LOSS",
            "EATING, PARTIAL_LOSS",
            "BATHING INDOOR_WALKING, PARTIAL_LOSS",
            "BATHING INDOOR_WALKING TOILETING, PARTIAL_LOSS",
            "EATING DRESSING BED_TRANSFER, PARTIAL_LOSS",
            "BATHING INDOOR_WALKING TOILETING DRESSING, FULL_LOSS",
            "EATING DRESSING BED_TRANSFER TOILETING INDOOR_WALKING, FULL_LOSS",
            "EATING DRESSING BED_TRANSFER TOILETING INDOOR_WALKING BATHING, FULL_LOSS"})
    void theLevelFollowsFromTheItemsNotAchieved(String missed, SelfCareLevel level) {
        assertThat(notAchieved(missed).level()).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} left out")
    @CsvSource({"EATING", "DRESSING", "BED_TRANSFER", "TOILETING", "INDOOR_WALKING", "BATHING"})
    void anAssessmentAnswersEverySixItems(CareItem left) {
        Map<CareItem, Boolean> answers = new HashMap<>();
        for (CareItem item : CareItem.values()) {
            answers.put(item, true);
        }
        answers.remove(left);
        assertThatThrownBy(() -> new SelfCareAssessment(answers))
                .isInstanceOfSatisfying(SelfCareAssessment.IncompleteAssessmentException.class,
                        e -> assertThat(e.missing()).containsExactly(left));
        answers.put(left, null);
        assertThatThrownBy(() -> new SelfCareAssessment(answers))
                .isInstanceOf(SelfCareAssessment.IncompleteAssessmentException.class);
        assertThatThrownBy(() -> new SelfCareAssessment(null))
                .isInstanceOf(SelfCareAssessment.IncompleteAssessmentException.class);
    }

    @Property
    void anyAnswersGiveTheLevelOfTheirCountAndOneMoreMissedItemNeverImprovesIt(
            @ForAll boolean eating, @ForAll boolean dressing, @ForAll boolean bed, @ForAll boolean toilet,
            @ForAll boolean walking, @ForAll boolean bathing) {
        List<Boolean> values = List.of(eating, dressing, bed, toilet, walking, bathing);
        Map<CareItem, Boolean> answers = new EnumMap<>(CareItem.class);
        for (CareItem item : CareItem.values()) {
            answers.put(item, values.get(item.ordinal()));
        }
        SelfCareAssessment a = new SelfCareAssessment(answers);
        long missed = values.stream().filter(v -> !v).count();
        assertThat(a.notAchieved()).isEqualTo(missed);
        assertThat(a.level()).isEqualTo(missed == 0 ? SelfCareLevel.SELF_CARE
                : missed <= 3 ? SelfCareLevel.PARTIAL_LOSS : SelfCareLevel.FULL_LOSS);
        for (CareItem item : CareItem.values()) {
            if (answers.get(item)) {
                Map<CareItem, Boolean> worse = new EnumMap<>(answers);
                worse.put(item, false);
                assertThat(new SelfCareAssessment(worse).level()).isGreaterThanOrEqualTo(a.level());
            }
        }
    }
}
