package dev.debugtoolbar.core.logging;

import dev.debugtoolbar.core.RecordBudget;
import dev.debugtoolbar.core.internal.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The log records of one request: keeps a limited number, within the record's {@link RecordBudget}, and counts
 * the rest. Thread-safe.
 */
final class LogBuffer {

    private static final int MAX_MESSAGE_CHARS = 4_000;
    private static final int MAX_STACK_CHARS = 8_000;

    private final long requestStartNanos;
    private final int capacity;
    private final RecordBudget budget;
    private final List<LogEntry> entries = new ArrayList<>();
    private int dropped;

    LogBuffer(long requestStartNanos, int capacity, RecordBudget budget) {
        this.requestStartNanos = requestStartNanos;
        this.capacity = capacity;
        this.budget = budget;
    }

    void add(long epochMillis, String level, String logger, String message, Throwable thrown, String thread,
             String source) {
        synchronized (this) {
            if (entries.size() >= capacity) {
                dropped++;
                return;
            }
        }
        LogEntry entry = new LogEntry((System.nanoTime() - requestStartNanos) / 1_000_000.0,
                Instant.ofEpochMilli(epochMillis), level, logger, Text.cut(message, MAX_MESSAGE_CHARS),
                thrown == null ? null : Text.stackTrace(thrown, MAX_STACK_CHARS), thread, source);
        long bytes = RecordBudget.DETAIL_BYTES + RecordBudget.bytes(entry.message())
                + RecordBudget.bytes(entry.thrown()) + RecordBudget.bytes(entry.logger())
                + RecordBudget.bytes(entry.thread());
        synchronized (this) {
            if (entries.size() < capacity && budget.take(bytes)) {
                entries.add(entry);
            } else {
                dropped++;
            }
        }
    }

    synchronized List<LogEntry> entries() {
        return List.copyOf(entries);
    }

    synchronized int dropped() {
        return dropped;
    }
}
