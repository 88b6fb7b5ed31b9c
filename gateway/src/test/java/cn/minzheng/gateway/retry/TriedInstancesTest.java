package cn.minzheng.gateway.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;

class TriedInstancesTest {

    @ParameterizedTest(name = "{0} tried {1} -> {2}")
    @CsvSource({
            "a b,   '',    a b",
            "a b,   a,     b",
            "a b,   b,     a",
            "a b,   a b,   a b",
            "a b c, a,     b c",
            "a b c, c a,   b",
            "a,     a,     a",
            "a b,   x,     a b",
    })
    void prefersInstancesNotTriedYet(String listed, String tried, String expected) {
        Set<String> triedSet = tried.isBlank() ? Set.of() : Set.of(tried.trim().split("\\s+"));
        assertThat(TriedInstances.untriedFirst(List.of(listed.trim().split("\\s+")), triedSet, s -> s))
                .containsExactly(expected.trim().split("\\s+"));
    }

    @Property
    void neverEmptyWhenAnythingIsListedAndNeverATriedOneWhileAnotherIsLeft(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 10) Integer> listed,
            @ForAll @Size(max = 10) Set<@IntRange(min = 1, max = 10) Integer> tried) {
        Set<String> triedKeys = new java.util.HashSet<>();
        tried.forEach(port -> triedKeys.add("h:" + port));
        List<Integer> chosen = TriedInstances.untriedFirst(listed, triedKeys, port -> "h:" + port);
        assertThat(chosen).isNotEmpty().isSubsetOf(listed);
        if (!tried.containsAll(listed)) {
            assertThat(chosen).noneMatch(tried::contains);
        }
    }

    @Test
    void recordsTheHostAndPortOfEachTry() {
        Map<String, Object> attributes = new HashMap<>();
        assertThat(TriedInstances.of(attributes)).isEmpty();
        TriedInstances.record(attributes, URI.create("http://127.0.0.1:8081/api/v1/assistance/applications"));
        TriedInstances.record(attributes, URI.create("http://127.0.0.1:8091/api/v1/assistance/applications?x=1"));
        TriedInstances.record(attributes, URI.create("http://127.0.0.1:8081/other"));
        TriedInstances.record(attributes, null);
        assertThat(TriedInstances.of(attributes)).containsExactlyInAnyOrder("127.0.0.1:8081", "127.0.0.1:8091");
    }

    @Test
    void theLoadBalancerIsHandedOnlyTheInstancesThisRequestHasNotTried() {
        ServiceInstance dead = new DefaultServiceInstance("a-1", "assistance-service", "127.0.0.1", 8081, false);
        ServiceInstance live = new DefaultServiceInstance("a-2", "assistance-service", "127.0.0.1", 8091, false);
        ServiceInstanceListSupplier listed = new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "assistance-service";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(List.of(dead, live));
            }
        };
        UntriedInstancesFirst supplier = new UntriedInstancesFirst(listed);
        Map<String, Object> attributes = new HashMap<>();

        assertThat(supplier.get(request(attributes)).blockFirst()).containsExactly(dead, live);
        TriedInstances.record(attributes, URI.create("http://127.0.0.1:8081/api/v1/assistance/applications"));
        assertThat(supplier.get(request(attributes)).blockFirst()).containsExactly(live);
        assertThat(supplier.get().blockFirst()).containsExactly(dead, live);
        TriedInstances.record(attributes, URI.create("http://127.0.0.1:8091/api/v1/assistance/applications"));
        assertThat(supplier.get(request(attributes)).blockFirst()).containsExactly(dead, live);
    }

    private static DefaultRequest<RequestDataContext> request(Map<String, Object> attributes) {
        RequestData data = new RequestData(HttpMethod.POST, URI.create("lb://assistance-service/api/v1/x"),
                new HttpHeaders(), new LinkedMultiValueMap<>(), attributes);
        return new DefaultRequest<>(new RequestDataContext(data));
    }
}
