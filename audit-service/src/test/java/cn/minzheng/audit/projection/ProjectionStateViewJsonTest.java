package cn.minzheng.audit.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One state view serves both projections and writes, byte for byte, what the two view types it
 * replaced ({@code RecordCountView}, {@code OnTimeProjectionView}) wrote: each expected text below is
 * what those classes serialized for the same state (every status of both kinds).
 */
class ProjectionStateViewJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of(ProjectionStateView.Kind.RECORD_COUNTS, null, null,
                        "{\"status\":\"not-built\",\"statusText\":\"记录计数投影尚未建立，统计逐条计数（较慢）。管理员可发起重建：POST /api/v1/audit/projections/record-counts/rebuild。\",\"active\":null,\"building\":null,\"recordsDone\":1500,\"recordsTotal\":4000,\"chain\":\"assistance.events-0\",\"sequence\":1500,\"reason\":\"requested by admin-1\",\"startedAt\":\"2026-12-07T20:00:00Z\",\"completedAt\":null,\"updatedAt\":\"2026-12-07T20:01:00Z\"}"),
                Arguments.of(ProjectionStateView.Kind.ON_TIME, null, null,
                        "{\"status\":\"not-built\",\"statusText\":\"按时办结统计投影尚未建立，按时办结率逐案读取（较慢）。管理员可发起重建：POST /api/v1/audit/projections/on-time/rebuild。\",\"active\":null,\"building\":null,\"recordsDone\":1500,\"recordsTotal\":4000,\"chain\":\"assistance.events-0\",\"sequence\":1500,\"reason\":\"requested by admin-1\",\"startedAt\":\"2026-12-07T20:00:00Z\",\"completedAt\":null,\"updatedAt\":\"2026-12-07T20:01:00Z\"}"),
                Arguments.of(ProjectionStateView.Kind.RECORD_COUNTS, null, 1,
                        "{\"status\":\"building\",\"statusText\":\"正在首次建立：已处理 1500 / 4000 条记录；建立完成前统计逐条计数（较慢）。请稍后再查询本页了解进度。\",\"active\":null,\"building\":1,\"recordsDone\":1500,\"recordsTotal\":4000,\"chain\":\"assistance.events-0\",\"sequence\":1500,\"reason\":\"requested by admin-1\",\"startedAt\":\"2026-12-07T20:00:00Z\",\"completedAt\":null,\"updatedAt\":\"2026-12-07T20:01:00Z\"}"),
                Arguments.of(ProjectionStateView.Kind.ON_TIME, null, 1,
                        "{\"status\":\"building\",\"statusText\":\"正在首次建立：已处理 1500 / 4000 条记录；建立完成前按时办结率逐案读取（较慢）。请稍后再查询本页了解进度。\",\"active\":null,\"building\":1,\"recordsDone\":1500,\"recordsTotal\":4000,\"chain\":\"assistance.events-0\",\"sequence\":1500,\"reason\":\"requested by admin-1\",\"startedAt\":\"2026-12-07T20:00:00Z\",\"completedAt\":null,\"updatedAt\":\"2026-12-07T20:01:00Z\"}"),
                Arguments.of(ProjectionStateView.Kind.RECORD_COUNTS, 2, null,
                        "{\"status\":\"ready\",\"statusText\":\"记录计数投影可用（第2代），统计直接读取投影。\",\"active\":2,\"building\":null,\"recordsDone\":1500,\"recordsTotal\":4000,\"chain\":\"assistance.events-0\",\"sequence\":1500,\"reason\":\"requested by admin-1\",\"startedAt\":\"2026-12-07T20:00:00Z\",\"completedAt\":null,\"updatedAt\":\"2026-12-07T20:01:00Z\"}"),
                Arguments.of(ProjectionStateView.Kind.ON_TIME, 2, null,
                        "{\"status\":\"ready\",\"statusText\":\"按时办结统计投影可用（第2代），按时办结率直接读取投影。\",\"active\":2,\"building\":null,\"recordsDone\":1500,\"recordsTotal\":4000,\"chain\":\"assistance.events-0\",\"sequence\":1500,\"reason\":\"requested by admin-1\",\"startedAt\":\"2026-12-07T20:00:00Z\",\"completedAt\":null,\"updatedAt\":\"2026-12-07T20:01:00Z\"}"),
                Arguments.of(ProjectionStateView.Kind.RECORD_COUNTS, 2, 3,
                        "{\"status\":\"rebuilding\",\"statusText\":\"正在重建第3代：已处理 1500 / 4000 条记录；重建期间统计仍读取第2代。请稍后再查询本页了解进度。\",\"active\":2,\"building\":3,\"recordsDone\":1500,\"recordsTotal\":4000,\"chain\":\"assistance.events-0\",\"sequence\":1500,\"reason\":\"requested by admin-1\",\"startedAt\":\"2026-12-07T20:00:00Z\",\"completedAt\":null,\"updatedAt\":\"2026-12-07T20:01:00Z\"}"),
                Arguments.of(ProjectionStateView.Kind.ON_TIME, 2, 3,
                        "{\"status\":\"rebuilding\",\"statusText\":\"正在重建第3代：已处理 1500 / 4000 条记录；重建期间按时办结率仍读取第2代。请稍后再查询本页了解进度。\",\"active\":2,\"building\":3,\"recordsDone\":1500,\"recordsTotal\":4000,\"chain\":\"assistance.events-0\",\"sequence\":1500,\"reason\":\"requested by admin-1\",\"startedAt\":\"2026-12-07T20:00:00Z\",\"completedAt\":null,\"updatedAt\":\"2026-12-07T20:01:00Z\"}"));
    }

    @ParameterizedTest(name = "{0} active={1} building={2}")
    @MethodSource("states")
    void writesWhatTheReplacedViewsWrote(ProjectionStateView.Kind kind, Integer active, Integer building, String json) {
        ChainProjection.BuildState state = new ChainProjection.BuildState(active, building, 1500L, 4000L,
                "assistance.events-0", 1500L, "requested by admin-1", "2026-12-07T20:00:00Z", null, "2026-12-07T20:01:00Z");
        ProjectionStateView view = ProjectionStateView.of(kind, state);
        assertThat(JSON.writeValueAsString(view)).isEqualTo(json);
        assertThat(JSON.readValue(json, ProjectionStateView.class)).as("read back as a client reads it").isEqualTo(view);
    }
}
