package dev.debugtoolbar.core.logging;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Guard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Connects the logging frameworks to the Logging panel: one handler on the java.util.logging root logger,
 * and one appender on the root logger of Logback (when SLF4J is bound to it) and of Log4j 2 (when its core
 * is present). Those two are optional dependencies, found at run time; the toolbar works without them.
 *
 * <p>{@link dev.debugtoolbar.core.DebugToolbar} installs one capture when it is built enabled and removes it
 * when closed. A record is kept only when a request is bound to the thread that logs it; elsewhere the cost is
 * one thread-local read. Records pass the frameworks' own level settings first: what they would not log is
 * not seen. Asynchronous loggers that log on another thread are not captured.
 */
public final class LogCapture implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final List<Sink> sinks;
    private volatile boolean closed;

    private LogCapture(List<Sink> sinks) {
        this.sinks = sinks;
    }

    /**
     * Attaches to every logging framework present.
     *
     * @param current the request bound to the calling thread, or {@code null}
     */
    public static LogCapture install(Supplier<RequestContext> current) {
        String name = "debugtoolbar-" + INSTANCES.incrementAndGet();
        List<Sink> sinks = new ArrayList<>();
        sinks.add(new JulSink(current));
        if (present("ch.qos.logback.classic.LoggerContext") && present("org.slf4j.LoggerFactory")) {
            sinks.add(new LogbackSink(name, current));
        }
        if (present("org.apache.logging.log4j.core.LoggerContext")) {
            sinks.add(new Log4jSink(name, current));
        }
        LogCapture capture = new LogCapture(List.copyOf(sinks));
        capture.ensureAttached();
        return capture;
    }

    /**
     * Attaches again where a framework was reconfigured since (a configuration reset drops foreign
     * appenders); cheap when nothing changed.
     */
    public void ensureAttached() {
        if (closed) {
            return;
        }
        for (Sink sink : sinks) {
            Guard.run(sink::attach, failure -> { }, "could not attach the toolbar's log capture to " + sink.framework());
        }
    }

    /** The frameworks attached to, for example {@code [java.util.logging, Logback]}. */
    public List<String> frameworks() {
        return sinks.stream().filter(sink -> Guard.call(sink::attached, failure -> false,
                "could not tell whether the toolbar's log capture is attached to " + sink.framework()))
                .map(Sink::framework).toList();
    }

    /** Removes the handler and appenders again, for good. */
    @Override
    public void close() {
        closed = true;
        for (Sink sink : sinks) {
            Guard.run(sink::detach, failure -> { }, "could not detach the toolbar's log capture from " + sink.framework());
        }
    }

    /**
     * Runs a handler's or appender's work for one log record so that nothing it meets (a logged object whose
     * {@code toString} throws, a record with null fields) reaches the application's logging call.
     */
    static void guarded(Guard.Action record) {
        Guard.run(record, failure -> { }, "the logging panel could not record a log record");
    }

    /** The buffer of the request bound to the calling thread, or {@code null} (also for the toolbar's own logs). */
    static LogBuffer bufferFor(Supplier<RequestContext> current, String logger) {
        RequestContext context = current.get();
        if (context == null || isToolbarLogger(logger)) {
            return null;
        }
        return context.get(LoggingPanel.BUFFER);
    }

    private static boolean isToolbarLogger(String logger) {
        return logger != null && (logger.equals("dev.debugtoolbar") || logger.startsWith("dev.debugtoolbar.core.")
                || logger.startsWith("dev.debugtoolbar.ui.") || logger.startsWith("dev.debugtoolbar.servlet."));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, LogCapture.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** One framework's handler or appender. */
    interface Sink {
        String framework();

        /** Attaches unless attached already. */
        void attach() throws Exception;

        boolean attached();

        void detach() throws Exception;
    }
}
