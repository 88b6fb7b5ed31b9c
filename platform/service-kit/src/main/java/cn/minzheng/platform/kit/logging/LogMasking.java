package cn.minzheng.platform.kit.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link MaskingAppender} in front of every appender attached to a logback logger
 * context's loggers. Idempotent: an appender already wrapped is left as it is.
 */
public final class LogMasking {

    private LogMasking() {
    }

    /** Wraps the appenders of the SLF4J logger context when it is logback's; true if it was. */
    public static boolean install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            install(context);
            return true;
        }
        return false;
    }

    /** Wraps every appender of every logger of {@code context} that is not wrapped yet. */
    public static void install(LoggerContext context) {
        for (Logger logger : context.getLoggerList()) {
            List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
            logger.iteratorForAppenders().forEachRemaining(appenders::add);
            for (Appender<ILoggingEvent> appender : appenders) {
                if (appender instanceof MaskingAppender) {
                    continue;
                }
                var masking = new MaskingAppender(appender);
                masking.setContext(context);
                masking.start();
                logger.addAppender(masking);
                logger.detachAppender(appender);
            }
        }
    }
}
