package cn.minzheng.bench.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.codes.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Property
    void everyGeneratedIdNumberIsValidAndFromTheCounty(@ForAll long i) {
        String id = SubmissionPayloads.idNumber(i);
        assertThat(ResidentIdNumber.isValid(id, TODAY)).as(id).isTrue();
        assertThat(id).startsWith("421303");
    }

    @Test
    void consecutiveSubmissionsAreDifferentPeople() {
        SubmissionPayloads p = new SubmissionPayloads(42);
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            ids.add(p.next().get("applicantIdNumber"));
        }
        assertThat(ids).hasSize(5000);
    }

    @Test
    void theApplicantIsTheOnlyMemberAndSignedEverything() {
        Map<String, Object> body = new SubmissionPayloads(7).next();
        assertThat(body).containsEntry("program", "DIBAO_URBAN").containsEntry("regionCode", "421303001001")
                .containsEntry("truthfulnessCommitment", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> member = ((List<Map<String, Object>>) body.get("members")).get(0);
        assertThat(member).containsEntry("idNumber", body.get("applicantIdNumber")).containsEntry("relation", "SELF")
                .containsEntry("authorizationSigned", true);
    }
}
