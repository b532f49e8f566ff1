package dev.debugtoolbar.core.logging;

import java.util.List;

/**
 * What the Logging panel shows.
 *
 * @param count        records logged on the request's thread during the request (kept and dropped)
 * @param errorCount   kept records at level ERROR
 * @param warningCount kept records at level WARN
 * @param droppedCount records beyond the per-request limit, counted but not kept
 * @param records      the kept records in order
 * @param frameworks   the logging frameworks the toolbar's capture was attached to, for example
 *                     {@code [java.util.logging, Logback]}; empty when it could attach to none, so that nothing
 *                     logged could be seen
 */
public record LoggingStats(int count, int errorCount, int warningCount, int droppedCount, List<LogEntry> records,
                           List<String> frameworks) {

    public LoggingStats {
        records = List.copyOf(records);
        frameworks = List.copyOf(frameworks);
    }
}
