package dev.debugtoolbar.core.logging;

import dev.debugtoolbar.core.RecordBudget;
import dev.debugtoolbar.core.callsite.CallSiteSampler;
import dev.debugtoolbar.core.callsite.StackCapture;
import dev.debugtoolbar.core.callsite.StackFilter;
import dev.debugtoolbar.core.internal.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The log records of one request: keeps a limited number, within the record's {@link RecordBudget}, and counts
 * the rest. Call sites are captured sparingly (one {@link CallSiteSampler} per request, keyed by logger and message
 * pattern) and resolved only when the records are asked for. Thread-safe.
 */
final class LogBuffer {

    private static final int MAX_MESSAGE_CHARS = 4_000;
    private static final int MAX_STACK_CHARS = 8_000;

    private final long requestStartNanos;
    private final int capacity;
    private final RecordBudget budget;
    private final CallSiteSampler sampler;
    private final StackFilter stackFilter;
    private final List<Kept> kept = new ArrayList<>();
    private int dropped;

    LogBuffer(long requestStartNanos, int capacity, RecordBudget budget, int maxStacks, StackFilter stackFilter) {
        this.requestStartNanos = requestStartNanos;
        this.capacity = capacity;
        this.budget = budget;
        this.sampler = new CallSiteSampler(maxStacks);
        this.stackFilter = stackFilter;
    }

    /**
     * Adds a record logged on the calling thread.
     *
     * @param pattern the message before its arguments were put in (the call site's key with the logger), or
     *                {@code null}
     */
    void add(long epochMillis, String level, String logger, String pattern, String message, Throwable thrown,
             String thread, String source) {
        StackCapture callSite;
        synchronized (this) {
            if (kept.size() >= capacity) {
                dropped++;
                return;
            }
            callSite = sampler.sample(new Origin(logger, pattern)).capture();
        }
        LogEntry entry = new LogEntry((System.nanoTime() - requestStartNanos) / 1_000_000.0,
                Instant.ofEpochMilli(epochMillis), level, logger, Text.cut(message, MAX_MESSAGE_CHARS),
                thrown == null ? null : Text.stackTrace(thrown, MAX_STACK_CHARS), thread, source, null);
        long bytes = RecordBudget.DETAIL_BYTES + RecordBudget.bytes(entry.message())
                + RecordBudget.bytes(entry.thrown()) + RecordBudget.bytes(entry.logger())
                + RecordBudget.bytes(entry.thread());
        synchronized (this) {
            if (kept.size() < capacity && budget.take(bytes)) {
                kept.add(new Kept(entry, callSite));
            } else {
                dropped++;
            }
        }
    }

    /** The kept records in order, with their call sites resolved. */
    List<LogEntry> entries() {
        List<Kept> records;
        synchronized (this) {
            records = List.copyOf(kept);
        }
        List<LogEntry> entries = new ArrayList<>(records.size());
        for (Kept record : records) {
            LogEntry e = record.entry();
            String callSite = record.callSite() == null ? null : record.callSite().resolve(stackFilter).frame();
            entries.add(new LogEntry(e.atMillis(), e.time(), e.level(), e.logger(), e.message(), e.thrown(),
                    e.thread(), e.source(), callSite));
        }
        return entries;
    }

    synchronized int dropped() {
        return dropped;
    }

    private record Origin(String logger, String pattern) {
    }

    private record Kept(LogEntry entry, StackCapture callSite) {
    }
}
