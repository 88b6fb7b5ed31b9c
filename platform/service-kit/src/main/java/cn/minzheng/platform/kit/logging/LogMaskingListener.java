package cn.minzheng.platform.kit.logging;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * No personal data in logs: right after Spring Boot has (re)configured logging, wraps every
 * appender so messages and exception texts are masked ({@link PersonalDataMasking}). On unless
 * {@code minzheng.logging.mask=false}. Registered in {@code META-INF/spring.factories}, so it runs
 * before any bean is created.
 */
public class LogMaskingListener implements GenericApplicationListener {

    public static final String ENABLED_PROPERTY = "minzheng.logging.mask";

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationPreparedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        Environment environment = event instanceof ApplicationEnvironmentPreparedEvent prepared
                ? prepared.getEnvironment()
                : ((ApplicationPreparedEvent) event).getApplicationContext().getEnvironment();
        if (environment.getProperty(ENABLED_PROPERTY, Boolean.class, true) && isLogback()) {
            LogMasking.install();
        }
    }

    private static boolean isLogback() {
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, LogMaskingListener.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /** Just after {@link LoggingApplicationListener}, which builds the appenders. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
