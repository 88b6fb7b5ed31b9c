package cn.minzheng.platform.embedded;

/**
 * Keeps the in-process broker and Mongo server from flooding a test's console: with logback
 * unconfigured (before Spring Boot sets up logging) every Kafka DEBUG line would be printed.
 * Spring Boot later resets logback from its own configuration; see the README for the levels to
 * set there.
 */
final class LogLevels {

    private static final boolean LOGBACK = isPresent("ch.qos.logback.classic.LoggerContext");

    private LogLevels() {
    }

    static void quietBrokerLogs() {
        if (LOGBACK) {
            LogbackLevels.warnOnly("kafka", "org.apache.kafka", "state.change.logger", "de.bwaldvogel", "org.h2");
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, LogLevels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Only loaded when logback is on the classpath. */
    private static final class LogbackLevels {
        static void warnOnly(String... loggerNames) {
            if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
                for (String name : loggerNames) {
                    ch.qos.logback.classic.Logger logger = context.getLogger(name);
                    if (logger.getLevel() == null) {
                        logger.setLevel(ch.qos.logback.classic.Level.WARN);
                    }
                }
            }
        }
    }
}
