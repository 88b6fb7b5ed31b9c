package cn.minzheng.platform.kit.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Wraps one of the configured appenders (console, file, JSON or plain text alike) and hands it
 * every event with personal data masked, so no encoder or layout ever sees the raw values.
 */
final class MaskingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final String NAME_PREFIX = "MASKED-";

    private final Appender<ILoggingEvent> delegate;

    MaskingAppender(Appender<ILoggingEvent> delegate) {
        this.delegate = delegate;
        setName(NAME_PREFIX + delegate.getName());
    }

    Appender<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    protected void append(ILoggingEvent event) {
        delegate.doAppend(new MaskedLoggingEvent(event));
    }

    @Override
    public void stop() {
        super.stop();
        delegate.stop();
    }
}
