package cn.minzheng.assistance.web;

import cn.minzheng.assistance.fixtures.Households;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as a client sends them. */
final class Requests {
    private Requests() {
    }

    static Map<String, Object> member(String name, String id, String relation, String wagesYuan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("idNumber", id);
        m.put("relation", relation);
        m.put("labourCapacity", "FULL");
        m.put("disabilityGrade", 0);
        m.put("incomes", wagesYuan == null ? List.of() : List.of(Map.of("category", "WAGES", "monthlyAmount", wagesYuan)));
        m.put("assets", List.of());
        m.put("authorizationSigned", true);
        return m;
    }

    /** A 3-person urban 低保 household; {@code seq} makes the people unique per test. */
    static Map<String, Object> dibao(int seq, String wagesYuan) {
        String self = Households.id("19800101", seq % 1000);
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member("张三", self, "SELF", wagesYuan));
        members.add(member("李四", Households.id("19820202", seq % 1000), "SPOUSE", null));
        members.add(member("张小", Households.id("20100303", seq % 1000), "CHILD", null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", "DIBAO_URBAN");
        body.put("applicantIdNumber", self);
        body.put("regionCode", "421303001001");
        body.put("members", members);
        body.put("truthfulnessCommitment", true);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
