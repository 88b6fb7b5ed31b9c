package cn.minzheng.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.EventTimeRange;
import cn.minzheng.audit.chain.EventTimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code minzheng.audit.ingest.event-time.*}: the event times ingest takes in, set by environment. */
class IngestPropertiesTest {

    private static IngestProperties bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return Binder.get(environment).bindOrCreate("minzheng.audit.ingest", IngestProperties.class);
    }

    @Test
    void theTrailHoldsFourDigitYearsFromTheEpochOnByDefault() {
        assertThat(bind(Map.of()).eventTimeRange()).isEqualTo(EventTimeRange.DEFAULT);
    }

    @Test
    void eitherEndCanBeNarrowed() {
        EventTimeRange range = bind(Map.of("MINZHENG_AUDIT_INGEST_EVENTTIME_EARLIEST", "2000-01-01T00:00:00Z"))
                .eventTimeRange();
        assertThat(range.earliest()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(range.latest()).isEqualTo(EventTimeRange.DEFAULT.latest());
        assertThat(range.refusal("1999-12-31T23:59:59Z")).isPresent();
    }

    @Test
    void theWindowIsFiveMinutesAheadAndThirtyYearsBehindByDefaultAndSetByEnvironment() {
        assertThat(bind(Map.of()).eventTimeWindow()).isEqualTo(EventTimeWindow.DEFAULT);
        EventTimeWindow window = bind(Map.of("MINZHENG_AUDIT_INGEST_EVENTTIME_MAXFUTURESKEW", "2m",
                "MINZHENG_AUDIT_INGEST_EVENTTIME_MAXPAST", "P50Y")).eventTimeWindow();
        assertThat(window).isEqualTo(new EventTimeWindow(Duration.ofMinutes(2), Period.ofYears(50)));
    }
}
