package cn.minzheng.platform.kit.refusals;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.security.refusal-events.*}: {@code enabled} (default {@code false} until the event
 * catalogue lists {@code minzheng.<service>.security.forbidden.v1}) and {@code service}, the platform
 * service name in the type and topic ({@code assistance} → {@code assistance.events}).
 */
@ConfigurationProperties("minzheng.security.refusal-events")
public record RefusalEventProperties(Boolean enabled, String service) {

    public RefusalEventProperties {
        enabled = enabled != null && enabled;
    }
}
