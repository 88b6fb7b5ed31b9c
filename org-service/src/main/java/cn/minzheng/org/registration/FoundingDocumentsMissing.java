package cn.minzheng.org.registration;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.ProblemTranslation;
import cn.minzheng.platform.kit.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 400 {@code founding-documents-missing}: a 成立登记 application without every document its type requires
 * (configured per type with its source, {@code minzheng.org.registration.required-documents}). Says at once
 * exactly what is missing — in the detail in words, in {@code errors} one {@code /documents} problem per
 * document, and in {@code missingDocuments} each document's code and Chinese name — together with every other
 * field problem of the request, so one answer lists everything to fix (一次性告知).
 */
public class FoundingDocumentsMissing extends ProblemException {
    public static final String CODE = "founding-documents-missing";

    public FoundingDocumentsMissing(OrganizationType type, Set<DocumentKind> missing, List<FieldProblem> otherProblems, String source) {
        super(400, CODE, null, List.of(detail(type, missing)), errors(missing, otherProblems), properties(missing, source), null);
    }

    private static String detail(OrganizationType type, Set<DocumentKind> missing) {
        return RegistrationPolicy.typeName(type) + "成立登记还缺少" + missing.size() + "项材料："
                + missing.stream().map(DocumentKind::title).collect(Collectors.joining("、"))
                + "。请备齐后在 /documents 中列明全部已备材料，重新提交申请";
    }

    private static List<cn.minzheng.platform.kit.problem.FieldProblem> errors(Set<DocumentKind> missing, List<FieldProblem> other) {
        List<FieldProblem> all = new ArrayList<>(other);
        missing.forEach(d -> all.add(new FieldProblem("/documents", "DOCUMENT_MISSING", "缺少材料：" + d.title())));
        return ProblemTranslation.fields(all);
    }

    private static Map<String, Object> properties(Set<DocumentKind> missing, String source) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("missingDocuments", missing.stream().map(d -> Map.of("code", d.name(), "name", d.title())).toList());
        if (source != null) {
            p.put("requiredDocumentsSource", source);
        }
        return p;
    }
}
