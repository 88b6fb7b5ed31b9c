package cn.minzheng.platform.kit.clock;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minzheng.clock.*}: the business clock's start offset and the devstack-only endpoint that moves
 * it forward.
 *
 * @param offset     fixed offset from the wall clock at start (ISO-8601 such as {@code P8D}, or {@code 8d})
 * @param adjustable adds {@code GET}/{@code POST} {@link #path} for ADMINs (devstack only, never in production)
 * @param path       where the endpoint lives, routed by the gateway like the rest of the service's API
 *                   (e.g. {@code /api/v1/assistance/admin/clock}); required when adjustable
 */
@ConfigurationProperties("minzheng.clock")
public record BusinessClockProperties(@DefaultValue("PT0S") Duration offset,
                                      @DefaultValue("false") boolean adjustable,
                                      String path) {
}
