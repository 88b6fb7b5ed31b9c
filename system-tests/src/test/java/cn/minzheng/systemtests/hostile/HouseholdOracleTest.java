package cn.minzheng.systemtests.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 6, no household oracle: a citizen lists as a household member the 身份证 of someone
 * who applied (to learn that they did, and their case number) and of someone who has not applied yet
 * (to block their own application). Both submissions are taken alike — the same answer, no other case
 * number anywhere the citizen can read; the person who had not applied applies and is taken; the clerk
 * of the township sees each conflict on both cases and in the work queue.
 */
@Tag("hostile")
@Order(24)
class HouseholdOracleTest {

    /** A case number: {region}-{yyyyMMdd}-{seq}. */
    static final Pattern CASE_NUMBER = Pattern.compile("\\d{6,12}-\\d{8}-\\d{4,}");

    @Test
    void aCitizenListingAnotherHouseholdsMemberLearnsNothingAndBlocksNobodyAndTheClerkSeesTheConflict() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String victim = tokens.of("oracle-victim-" + run, "CITIZEN", Households.TOWNSHIP);
        String prober = tokens.of("oracle-prober-" + run, "CITIZEN", Households.TOWNSHIP);
        String latecomer = tokens.of("oracle-latecomer-" + run, "CITIZEN", Households.TOWNSHIP);
        String clerk = tokens.of("oracle-clerk-" + run, "CLERK", Households.TOWNSHIP);

        String victimSelf = Households.idNumber(1975);
        String victimCase = cases.submit(victim, Households.dibao(victimSelf, Households.idNumber(1976), Households.idNumber(2005), "600.00"));
        String latecomerSelf = Households.idNumber(1990);

        // the probe: the victim (who applied) as the prober's spouse; then the latecomer (who has not) the same way
        Answer probeApplied = cases.submit(prober, Households.dibao(Households.idNumber(1974), victimSelf, Households.idNumber(2006),
                "500.00"), UUID.randomUUID().toString());
        RunSummary.hostileInputTried();
        Answer probeNotApplied = cases.submit(prober, Households.dibao(Households.idNumber(1973), latecomerSelf,
                Households.idNumber(2007), "500.00"), UUID.randomUUID().toString());
        RunSummary.hostileInputTried();
        assertThat(probeApplied.status()).as("a member of another open case: " + probeApplied).isEqualTo(201);
        assertThat(probeNotApplied.status()).as("a person who has not applied: " + probeNotApplied).isEqualTo(201);
        String probeCase = probeApplied.text("number");
        String blockCase = probeNotApplied.text("number");
        assertThat(fieldNames(probeApplied.json())).as("the two answers cannot be told apart by their fields")
                .isEqualTo(fieldNames(probeNotApplied.json()));

        // nothing the prober can read names another case
        List<Answer> proberReads = new ArrayList<>(List.of(probeApplied, probeNotApplied,
                cases.read(probeCase, prober), cases.read(blockCase, prober),
                gateway.get(Cases.APPLICATIONS + "/mine?limit=100").token(prober).send()));
        Answer direct = cases.read(victimCase, prober);
        RunSummary.hostileInputTried();
        assertThat(direct.status()).as("the victim's case read by the prober: " + direct).isIn(403, 404);
        for (Answer read : proberReads) {
            RunSummary.hostileInputTried();
            assertThat(read.status()).as(read.toString()).isBetween(200, 201);
            assertThat(read.body()).as("the prober's view " + read.path()).doesNotContain("householdConflict")
                    .doesNotContain(victimCase);
            assertThat(caseNumbers(read.body())).as("case numbers in " + read.path()).isSubsetOf(probeCase, blockCase);
        }

        // the latecomer applies for their own household and is taken
        Answer own = cases.submit(latecomer, Households.dibao(latecomerSelf, Households.idNumber(1991), Households.idNumber(2015),
                "550.00"), UUID.randomUUID().toString());
        assertThat(own.status()).as("the latecomer's own application: " + own).isEqualTo(201);
        String latecomerCase = own.text("number");
        assertThat(own.body()).doesNotContain("householdConflict").doesNotContain(blockCase);
        Answer latecomerView = cases.read(latecomerCase, latecomer);
        assertThat(latecomerView.body()).as(latecomerView.toString()).doesNotContain("householdConflict").doesNotContain(blockCase);
        Answer victimView = cases.read(victimCase, victim);
        assertThat(victimView.body()).as(victimView.toString()).doesNotContain("householdConflict").doesNotContain(probeCase);

        // the clerk sees both sides of each conflict
        assertThat(conflicts(cases, victimCase, clerk)).as("conflicts of the victim's case").containsExactly(probeCase);
        assertThat(conflicts(cases, probeCase, clerk)).as("conflicts of the probing case").containsExactly(victimCase);
        assertThat(conflicts(cases, blockCase, clerk)).as("conflicts of the second probing case").containsExactly(latecomerCase);
        assertThat(conflicts(cases, latecomerCase, clerk)).as("conflicts of the latecomer's case").containsExactly(blockCase);
        assertThat(workQueue(gateway, clerk)).as("the clerk's queue of household conflicts")
                .contains(victimCase, probeCase, blockCase, latecomerCase);

        // each submission is one case, owned by its submitter
        Map<String, Integer> expected = Map.of(victim, 1, prober, 2, latecomer, 1);
        int lost = 0;
        int duplicated = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            int mine = cases.countMine(e.getKey());
            lost += Math.max(0, e.getValue() - mine);
            duplicated += Math.max(0, mine - e.getValue());
        }
        RunSummary.records(4, lost, duplicated);
        assertThat(lost + duplicated).as("cases lost or duplicated").isZero();
    }

    private static List<String> conflicts(Cases cases, String number, String clerk) {
        Answer view = cases.read(number, clerk);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        JsonNode conflict = view.json().path("householdConflict");
        assertThat(conflict.isArray()).as("householdConflict in the clerk's view: " + view).isTrue();
        List<String> numbers = new ArrayList<>();
        conflict.forEach(n -> numbers.add(n.asString()));
        return numbers;
    }

    private static List<String> workQueue(Gateway gateway, String clerk) {
        List<String> numbers = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            Answer answer = gateway.get(Cases.APPLICATIONS + "?householdConflict=true&region=" + Households.TOWNSHIP + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor)).token(clerk).send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            answer.json().path("items").forEach(i -> numbers.add(i.path("number").asString()));
            cursor = answer.text("next");
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return numbers;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static Set<String> caseNumbers(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = CASE_NUMBER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
