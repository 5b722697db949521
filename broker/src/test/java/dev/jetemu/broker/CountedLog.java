package dev.jetemu.broker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts what one of jetemu's loggers writes instead of printing it, for tests that make it
 * write thousands of lines; keeps the first line as a sample.
 */
final class CountedLog implements AutoCloseable {

    private final Logger logger;
    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicReference<String> first = new AtomicReference<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.incrementAndGet();
            first.compareAndSet(null, event.getLevel() + " " + event.getFormattedMessage());
        }
    };

    CountedLog(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    int lines() {
        return lines.get();
    }

    /** The first line written, or null. */
    String first() {
        return first.get();
    }

    @Override
    public void close() {
        logger.setAdditive(true);
        logger.detachAppender(appender);
    }
}
