package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TokenRequestProperties {

    @Property
    void anyJsonObjectIsEitherARequestOrAFieldErrorList(@ForAll("jsonObjects") Map<String, Object> json) {
        try {
            TokenRequest request = TokenRequest.from(json);
            assertThat(request.subject()).isNotBlank();
            assertThat(request.roles()).isNotEmpty().allMatch(TokenRequest.ROLES::contains);
        } catch (TokenRequest.InvalidTokenRequest e) {
            assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.pointer()).startsWith("/"));
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> jsonObjects() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200).map(s -> (Object) s),
                Arbitraries.of("421303", "421303001", "4213", "42", "abc", "").map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.just(null),
                Arbitraries.of(TokenRequest.ROLES).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.strings().list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.of(List.<Object>of(1L, true)).map(l -> (Object) l));
        return Arbitraries.maps(Arbitraries.of("sub", "name", "roles", "region", "other"), values)
                .ofMaxSize(5)
                .map(HashMap::new);
    }
}
