package cn.minzheng.org.naming;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Structure and wording of a name, before uniqueness is looked at. */
public final class NameRules {
    private final NamePolicy policy;

    public NameRules(NamePolicy policy) {
        this.policy = policy;
    }

    /**
     * @param pointer JSON pointer of the name object in the request, e.g. {@code /name}
     * @return every problem of the name (empty when acceptable)
     */
    public List<FieldProblem> check(OrganizationName name, OrganizationType type,
                                    RegistrationAuthority authority, String pointer) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null) {
            problems.add(new FieldProblem(pointer, "NAME_REQUIRED", "名称不能为空"));
            return problems;
        }
        if (name.region().isEmpty()) {
            problems.add(new FieldProblem(pointer + "/region", "NAME_REGION_REQUIRED", "名称应冠以行政区划名称"));
        }
        if (name.field().isEmpty()) {
            problems.add(new FieldProblem(pointer + "/field", "NAME_FIELD_REQUIRED", "名称应反映业务领域"));
        }
        Set<String> forms = policy.formsByType().getOrDefault(type, Set.of());
        if (!forms.contains(name.form())) {
            problems.add(new FieldProblem(pointer + "/form", "NAME_FORM_NOT_ALLOWED",
                    "组织形式“" + name.form() + "”不适用于该类型，可用：" + String.join("、", sorted(forms))));
        }
        boolean tradeNameRequired = type != OrganizationType.SOCIAL_GROUP;
        int len = name.tradeName().codePointCount(0, name.tradeName().length());
        if (tradeNameRequired && len == 0) {
            problems.add(new FieldProblem(pointer + "/tradeName", "NAME_TRADE_NAME_REQUIRED", "民办非企业单位和基金会名称应含字号"));
        } else if (len > 0 && (len < policy.tradeNameMinLength() || len > policy.tradeNameMaxLength())) {
            problems.add(new FieldProblem(pointer + "/tradeName", "NAME_TRADE_NAME_LENGTH",
                    "字号应为" + policy.tradeNameMinLength() + "至" + policy.tradeNameMaxLength() + "个字"));
        }
        for (String word : policy.misleadingWords()) {
            if (name.fullName().contains(word)) {
                problems.add(new FieldProblem(pointer, "NAME_MISLEADING_WORD", "名称不得使用“" + word + "”等误导性文字"));
            }
        }
        if (!authority.national()) {
            checkReserved(name.region(), pointer + "/region", problems);
            checkReserved(name.tradeName(), pointer + "/tradeName", problems);
            checkReserved(withoutQualifiers(name.field()), pointer + "/field", problems);
            checkReserved(name.form(), pointer + "/form", problems);
        }
        return problems;
    }

    private void checkReserved(String part, String pointer, List<FieldProblem> problems) {
        for (String word : policy.reservedForNational()) {
            if (part.contains(word)) {
                problems.add(new FieldProblem(pointer, "NAME_RESERVED_WORD",
                        "地方社会组织名称不得使用“" + word + "”（作为行业限定语的除外）"));
            }
        }
    }

    /** 中国/全国/中华 inside a recognised industry term (中华鲟, 中国象棋) is not a claim of national scope. */
    private String withoutQualifiers(String field) {
        String result = field;
        for (String term : policy.industryQualifiers()) {
            result = result.replace(term, "\u0000");
        }
        return result;
    }

    private static List<String> sorted(Set<String> forms) {
        return forms.stream().sorted().toList();
    }
}
