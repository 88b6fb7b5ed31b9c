package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The validator answers any data with a list of violations; it never throws. */
class EventSchemaValidatorProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    void anyDataForAnyTypeGivesAListOfViolations(@ForAll("typeNames") String type, @ForAll("objects") JsonNode data) {
        List<SchemaViolation> violations = EventSchemaValidator.shared().validate(type, data);

        if (!EventTypes.isKnown(type)) {
            assertThat(violations).singleElement().extracting(SchemaViolation::keyword).isEqualTo("catalogue");
        }
        assertThat(violations).allSatisfy(v -> assertThat(v.path()).satisfiesAnyOf(
                p -> assertThat(p).isEmpty(), p -> assertThat(p).startsWith("/")));
    }

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void dataWithoutTheCommonFieldsIsNeverValid(@ForAll("cataloguedNames") String type, @ForAll("objects") JsonNode data) {
        ((ObjectNode) data).remove(EventDataFields.AGGREGATE_ID);

        assertThat(EventSchemaValidator.shared().validate(type, data)).isNotEmpty();
    }

    @Provide
    Arbitrary<String> cataloguedNames() {
        return Arbitraries.of(EventTypes.ALL).map(EventType::name);
    }

    @Provide
    Arbitrary<String> typeNames() {
        return Arbitraries.oneOf(cataloguedNames(), Arbitraries.strings().ofMaxLength(60),
                Arbitraries.just("minzheng.org.organization.vanished.v1"));
    }

    @Provide
    Arbitrary<JsonNode> objects() {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of("aggregateId", "aggregateType", "fromStatus", "toStatus", "reason", "changes",
                        "creditCode", "monthlyAmountFen", "calculation", "status", "path", "method", "clientKey",
                        "missingItems", "visitors", "regionCode", "seed", "population", "penalties", "year"),
                Arbitraries.strings().ofMaxLength(10));
        return Arbitraries.maps(keys, values(2)).ofMaxSize(12).map(map -> {
            ObjectNode node = NODES.objectNode();
            map.forEach(node::set);
            return node;
        });
    }

    private Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(NODES::stringNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(4).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), values(depth - 1))
                .ofMaxSize(4).map(map -> {
                    ObjectNode node = NODES.objectNode();
                    map.forEach(node::set);
                    return node;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars), net.jqwik.api.Tuple.of(1, arrays), net.jqwik.api.Tuple.of(1, objects));
    }
}
