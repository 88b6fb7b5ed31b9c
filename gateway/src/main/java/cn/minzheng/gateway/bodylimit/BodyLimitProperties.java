package cn.minzheng.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code minzheng.gateway.max-body-size}: the largest request body the gateway forwards (default 1 MiB). */
@ConfigurationProperties("minzheng.gateway")
public record BodyLimitProperties(DataSize maxBodySize) {

    public BodyLimitProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    }
}
