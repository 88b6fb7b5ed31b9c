package cn.minzheng.org.naming;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameRulesTest {
    private final NameRules rules = new NameRules(NamePolicy.defaults());

    @ParameterizedTest(name = "{0} {1}{2}{3}{4} at {5} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SOCIAL_GROUP           | 北京市 | -    | 养老服务   | 协会   | 110000 | -
            SOCIAL_GROUP           | 北京市 | -    | 养老服务   | 中心   | 110000 | NAME_FORM_NOT_ALLOWED
            SOCIAL_GROUP           | -      | -    | 养老服务   | 协会   | 110000 | NAME_REGION_REQUIRED
            SOCIAL_GROUP           | 北京市 | -    | -          | 协会   | 110000 | NAME_FIELD_REQUIRED
            SOCIAL_GROUP           | 中国   | -    | 养老服务   | 协会   | 100000 | -
            SOCIAL_GROUP           | 中国   | -    | 养老服务   | 协会   | 110000 | NAME_RESERVED_WORD
            SOCIAL_GROUP           | 北京市 | -    | 中华文化   | 促进会 | 110000 | -
            SOCIAL_GROUP           | 北京市 | -    | 中华养老   | 协会   | 110000 | NAME_RESERVED_WORD
            SOCIAL_GROUP           | 北京市 | -    | 全国养老   | 协会   | 110000 | NAME_RESERVED_WORD
            SOCIAL_GROUP           | 北京市 | -    | 第一养老   | 协会   | 110000 | NAME_MISLEADING_WORD
            SOCIAL_GROUP           | 中国   | -    | 国家级养老 | 协会   | 100000 | NAME_MISLEADING_WORD
            SOCIAL_GROUP           | 北京市 | -    | 最高科学   | 学会   | 110000 | NAME_MISLEADING_WORD
            PRIVATE_NON_ENTERPRISE | 北京市 | 夕阳红 | 养老     | 服务中心 | 110105 | -
            PRIVATE_NON_ENTERPRISE | 北京市 | -    | 养老       | 服务中心 | 110105 | NAME_TRADE_NAME_REQUIRED
            PRIVATE_NON_ENTERPRISE | 北京市 | 红   | 养老       | 服务中心 | 110105 | NAME_TRADE_NAME_LENGTH
            PRIVATE_NON_ENTERPRISE | 北京市 | 中华红 | 养老     | 服务中心 | 110105 | NAME_RESERVED_WORD
            FOUNDATION             | 广东省 | 慈航 | 助学       | 基金会 | 440000 | -
            FOUNDATION             | 广东省 | 慈航 | 助学       | 协会   | 440000 | NAME_FORM_NOT_ALLOWED
            FOUNDATION             | 中国   | 慈航 | 助学       | 基金会 | 100000 | -
            """)
    void checksStructureAndWords(OrganizationType type, String region, String trade, String field, String form,
                                 String authority, String expectedCode) {
        List<FieldProblem> problems = rules.check(new OrganizationName(region, trade, field, form), type,
                new RegistrationAuthority(authority), "/name");
        if (expectedCode == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(FieldProblem::code).contains(expectedCode);
            assertThat(problems).allSatisfy(p -> assertThat(p.pointer()).startsWith("/name"));
        }
    }

    @Property(tries = 300)
    void anyTextGivesProblemsNeverExceptions(@ForAll String region, @ForAll String trade, @ForAll String field,
                                             @ForAll String form, @ForAll OrganizationType type, @ForAll boolean national) {
        List<FieldProblem> problems = rules.check(new OrganizationName(region, trade, field, form), type,
                new RegistrationAuthority(national ? "100000" : "330100"), "/name");
        assertThat(problems).isNotNull();
    }

    @Property(tries = 200)
    void aMisleadingWordIsAlwaysReported(@ForAll("misleading") String word, @ForAll boolean national) {
        List<FieldProblem> problems = rules.check(new OrganizationName("杭州市", "", word + "慈善", "协会"),
                OrganizationType.SOCIAL_GROUP, new RegistrationAuthority(national ? "100000" : "330100"), "/name");
        assertThat(problems).extracting(FieldProblem::code).contains("NAME_MISLEADING_WORD");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> misleading() {
        return net.jqwik.api.Arbitraries.of(NamePolicy.defaults().misleadingWords());
    }
}
