package cn.minzheng.platform.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

/** The appender wrapping on a private logback context: what reaches an appender is masked. */
class LogMaskingTest {

    @Test
    void appendersReceiveMaskedMessagesAndExceptionTexts() {
        var context = new LoggerContext();
        var list = new ListAppender<ILoggingEvent>();
        list.setContext(context);
        list.setName("LIST");
        list.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(list);

        LogMasking.install(context);
        LogMasking.install(context); // twice: still one wrapper
        context.getLogger("case").info("applicant {} phone {}", "11010519491231002X", "13812341234",
                new IllegalStateException("duplicate id 11010519491231002X",
                        new IllegalArgumentException("phone 13812341234 taken")));

        assertThat(list.list).hasSize(1);
        ILoggingEvent event = list.list.get(0);
        assertThat(event.getFormattedMessage()).isEqualTo("applicant 110105********002X phone 138****1234");
        assertThat(event.getArgumentArray()).isEmpty();
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("duplicate id 110105********002X");
        assertThat(event.getThrowableProxy().getCause().getMessage()).isEqualTo("phone 138****1234 taken");
        assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        var appenders = new java.util.ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).singleElement().isInstanceOf(MaskingAppender.class);
        context.stop();
        assertThat(list.isStarted()).isFalse();
    }
}
