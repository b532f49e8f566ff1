package dev.debugtoolbar.core.logging;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.callsite.StackFilter;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;

import java.util.List;
import java.util.function.Supplier;

/**
 * The built-in Logging panel: what the application logged on the request's thread while the request ran,
 * through java.util.logging, and through Logback or Log4j 2 where they are present (see {@link LogCapture}).
 */
public final class LoggingPanel implements Panel<LoggingStats> {

    /** Records kept per request; further ones are counted. */
    public static final int MAX_RECORDS = 1_000;

    static final RequestContext.Key<LogBuffer> BUFFER = new RequestContext.Key<>("logging.records", LogBuffer.class);

    private final StackFilter stackFilter;
    private final int maxStacks;
    private final Supplier<List<String>> frameworks;

    /**
     * A panel that finds the records' call sites with {@code stackFilter} from at most {@code maxStacks} captured
     * stacks per request, and asks {@code frameworks} which logging frameworks its capture is attached to
     * ({@link LogCapture#frameworks()}).
     */
    public LoggingPanel(StackFilter stackFilter, int maxStacks, Supplier<List<String>> frameworks) {
        this.stackFilter = stackFilter;
        this.maxStacks = maxStacks;
        this.frameworks = frameworks;
    }

    @Override
    public String id() {
        return "logging";
    }

    @Override
    public String title() {
        return "Logging";
    }

    @Override
    public void onRequestStart(RequestContext context) {
        context.put(BUFFER, new LogBuffer(context.startNanos(), MAX_RECORDS, context.budget(), maxStacks,
                stackFilter));
    }

    /** Its stats wait for the record's first reading: it reads only what the request left in its context. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public LoggingStats onRequestEnd(RequestContext context) {
        LogBuffer buffer = context.get(BUFFER);
        List<LogEntry> records = buffer == null ? List.of() : buffer.entries();
        int dropped = buffer == null ? 0 : buffer.dropped();
        int errors = (int) records.stream().filter(entry -> entry.level().equals("ERROR")).count();
        int warnings = (int) records.stream().filter(entry -> entry.level().equals("WARN")).count();
        return new LoggingStats(records.size() + dropped, errors, warnings, dropped, records, frameworks.get());
    }

    @Override
    public String subtitle(LoggingStats stats) {
        if (stats.frameworks().isEmpty()) {
            return "not capturing";
        }
        String subtitle = Text.count(stats.count(), "record", "records");
        if (stats.errorCount() > 0) {
            subtitle += ", " + Text.count(stats.errorCount(), "error", "errors");
        } else if (stats.warningCount() > 0) {
            subtitle += ", " + Text.count(stats.warningCount(), "warning", "warnings");
        }
        return subtitle;
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/logging.html";
    }
}
