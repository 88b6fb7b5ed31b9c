package cn.minzheng.platform.kit.mongo;

import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The devstack and compose wait for {@code /actuator/health} to be UP; on the Mongo-wire server
 * Boot's own Mongo indicator (which sends {@code hello}) would keep every service DOWN.
 */
@TestPropertySource(properties = "management.endpoint.health.show-details=always")
class MongoHealthWebTest extends WebAppTestBase {

    @Test
    void healthIsUpOnTheMongoWireServerAndNamesTheDatabase() {
        client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details.database").isEqualTo("kit_web");
    }
}
