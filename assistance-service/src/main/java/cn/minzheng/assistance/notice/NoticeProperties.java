package cn.minzheng.assistance.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** {@code minzheng.assistance.notice.*}: the authorities named on notices, per 区划 prefix (application.yml). */
@ConfigurationProperties("minzheng.assistance.notice")
public record NoticeProperties(List<IssuingAuthorities.Authority> authorities) {

    public IssuingAuthorities issuingAuthorities() {
        return new IssuingAuthorities(authorities);
    }
}
