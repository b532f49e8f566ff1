package dev.debugtoolbar.core.logging;

import dev.debugtoolbar.core.RequestContext;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** A handler on the java.util.logging root logger. */
final class JulSink extends Handler implements LogCapture.Sink {

    private final Supplier<RequestContext> current;
    private final Formatter messages = new SimpleFormatter();

    JulSink(Supplier<RequestContext> current) {
        this.current = current;
        setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        LogBuffer buffer = LogCapture.bufferFor(current, record.getLoggerName());
        if (buffer != null) {
            LogCapture.guarded(() -> {
                buffer.add(record.getMillis(), level(record.getLevel()), record.getLoggerName(), record.getMessage(),
                        messages.formatMessage(record), record.getThrown(), Thread.currentThread().getName(),
                        framework());
            });
        }
    }

    private static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.CONFIG.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String framework() {
        return "java.util.logging";
    }

    @Override
    public void attach() {
        if (!attached()) {
            root().addHandler(this);
        }
    }

    @Override
    public boolean attached() {
        return Arrays.asList(root().getHandlers()).contains(this);
    }

    @Override
    public void detach() {
        root().removeHandler(this);
    }

    private static Logger root() {
        return Logger.getLogger("");
    }
}
