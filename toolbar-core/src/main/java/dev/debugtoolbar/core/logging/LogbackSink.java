package dev.debugtoolbar.core.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.debugtoolbar.core.RequestContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/** An appender on Logback's root logger, when SLF4J is bound to Logback. Loaded only when Logback is present. */
final class LogbackSink extends UnsynchronizedAppenderBase<ILoggingEvent> implements LogCapture.Sink {

    private final Supplier<RequestContext> current;

    LogbackSink(String name, Supplier<RequestContext> current) {
        this.current = current;
        setName(name);
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogBuffer buffer = LogCapture.bufferFor(current, event.getLoggerName());
        if (buffer != null) {
            LogCapture.guarded(() -> {
                IThrowableProxy proxy = event.getThrowableProxy();
                Throwable thrown = proxy instanceof ThrowableProxy real ? real.getThrowable() : null;
                buffer.add(event.getTimeStamp(), String.valueOf(event.getLevel()), event.getLoggerName(),
                        event.getMessage(), event.getFormattedMessage(), thrown, event.getThreadName(), framework());
            });
        }
    }

    @Override
    public String framework() {
        return "Logback";
    }

    @Override
    public void attach() {
        Logger root = root();
        if (root == null || root.isAttached(this)) {
            return;
        }
        setContext(root.getLoggerContext());
        if (!isStarted()) {
            start();
        }
        root.addAppender(this);
    }

    @Override
    public boolean attached() {
        Logger root = root();
        return root != null && root.isAttached(this);
    }

    @Override
    public void detach() {
        Logger root = root();
        if (root != null) {
            root.detachAppender(this);
        }
        stop();
    }

    /** Logback's root logger, or {@code null} when SLF4J is bound to another backend. */
    private static Logger root() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return factory instanceof LoggerContext context ? context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) : null;
    }
}
