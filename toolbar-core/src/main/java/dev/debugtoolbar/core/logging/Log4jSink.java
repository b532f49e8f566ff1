package dev.debugtoolbar.core.logging;

import dev.debugtoolbar.core.RequestContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.message.Message;

import java.util.function.Supplier;

/** An appender on Log4j 2's root logger, when Log4j's core is the backend. Loaded only when it is present. */
final class Log4jSink extends AbstractAppender implements LogCapture.Sink {

    private final Supplier<RequestContext> current;

    Log4jSink(String name, Supplier<RequestContext> current) {
        super(name, null, null, true, Property.EMPTY_ARRAY);
        this.current = current;
    }

    @Override
    public void append(LogEvent event) {
        LogBuffer buffer = LogCapture.bufferFor(current, event.getLoggerName());
        if (buffer != null) {
            LogCapture.guarded(() -> {
                Message message = event.getMessage();
                buffer.add(event.getTimeMillis(), String.valueOf(event.getLevel()), event.getLoggerName(),
                        message == null ? null : message.getFormat(),
                        message == null ? null : message.getFormattedMessage(), event.getThrown(),
                        event.getThreadName(), framework());
            });
        }
    }

    @Override
    public String framework() {
        return "Log4j";
    }

    @Override
    public void attach() {
        LoggerContext context = context();
        if (context == null || attached()) {
            return;
        }
        if (!isStarted()) {
            start();
        }
        context.getConfiguration().getRootLogger().addAppender(this, null, null);
        context.updateLoggers();
    }

    @Override
    public boolean attached() {
        LoggerContext context = context();
        return context != null && context.getConfiguration().getRootLogger().getAppenders().get(getName()) == this;
    }

    @Override
    public void detach() {
        LoggerContext context = context();
        if (context != null) {
            LoggerConfig root = context.getConfiguration().getRootLogger();
            if (root.getAppenders().get(getName()) == this) {
                root.removeAppender(getName());
                context.updateLoggers();
            }
        }
        stop();
    }

    /** Log4j's context, or {@code null} when the Log4j API is bound to another backend. */
    private static LoggerContext context() {
        return LogManager.getContext(false) instanceof LoggerContext context ? context : null;
    }
}
