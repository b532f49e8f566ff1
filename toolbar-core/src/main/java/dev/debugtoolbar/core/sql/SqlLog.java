package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.timeline.TimedEvent;
import dev.debugtoolbar.core.timeline.TimedEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one request, in the order they finished. Keeps at most a configured number; further
 * statements are counted but not kept. Thread-safe.
 */
public final class SqlLog implements TimedEvents {

    private final long requestStartNanos;
    private final int capacity;
    private final List<QueryEvent> events = new ArrayList<>();
    private int dropped;

    /** A log for a request that began at {@code requestStartNanos} and keeps {@code capacity} statements. */
    public SqlLog(long requestStartNanos, int capacity) {
        this.requestStartNanos = requestStartNanos;
        this.capacity = capacity;
    }

    /** Records a statement that started at {@code startNanos} ({@link System#nanoTime()}). */
    public void record(String sql, List<String> params, List<List<String>> batch, long startNanos,
                       long durationNanos, Integer rows, String connectionId, String error) {
        double startMillis = (startNanos - requestStartNanos) / 1_000_000.0;
        double durationMillis = durationNanos / 1_000_000.0;
        synchronized (this) {
            if (events.size() >= capacity) {
                dropped++;
                return;
            }
            events.add(new QueryEvent(events.size(), sql, params, batch, startMillis, durationMillis, rows,
                    connectionId, error));
        }
    }

    /** The statements kept so far, in order. */
    public synchronized List<QueryEvent> events() {
        return List.copyOf(events);
    }

    /** The kept statements as the Timeline draws them: the SQL, when, how long, whether it failed. */
    @Override
    public List<TimedEvent> timedEvents() {
        return events().stream().map(query -> new TimedEvent(query.sql(), query.startMillis(),
                query.durationMillis(), query.error() != null)).toList();
    }

    /** How many statements ran beyond the capacity and were only counted. */
    public synchronized int dropped() {
        return dropped;
    }
}
