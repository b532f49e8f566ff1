package dev.debugtoolbar.core.cache;

import dev.debugtoolbar.core.RecordBudget;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.callsite.CallSiteSampler;
import dev.debugtoolbar.core.callsite.StackCapture;
import dev.debugtoolbar.core.callsite.StackFilter;
import dev.debugtoolbar.core.timeline.TimedEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cache calls of one request: every call is added to the totals of its operation, and the first ones
 * up to a configured number, within the record's {@link RecordBudget}, are kept with their details. Call sites
 * are captured sparingly (one sampler per request, keyed by cache and operation, see {@link CallSiteSampler})
 * and stay unresolved until {@link #calls()}. Thread-safe.
 */
final class CacheLog {

    static final RequestContext.Key<CacheLog> KEY = new RequestContext.Key<>("debugtoolbar.cache", CacheLog.class);

    private final long requestStartNanos;
    private final int capacity;
    private final CallSiteSampler sampler;
    private final StackFilter stackFilter;
    private final RecordBudget budget;
    private final List<Call> kept = new ArrayList<>();
    private final Map<String, Totals> totals = new LinkedHashMap<>();
    private int dropped;

    CacheLog(long requestStartNanos, int capacity, int maxStacks, StackFilter stackFilter, RecordBudget budget) {
        this.budget = budget;
        this.requestStartNanos = requestStartNanos;
        this.capacity = capacity;
        this.sampler = new CallSiteSampler(maxStacks);
        this.stackFilter = stackFilter;
    }

    /** The call site for the next call of {@code operation} on {@code cache}; {@code null} when it will not be kept. */
    synchronized StackCapture callSite(String cache, String operation) {
        return kept.size() < capacity ? sampler.sample(Arrays.asList(cache, operation)).capture() : null;
    }

    synchronized void record(String cache, String op, String key, Boolean hit, long startNanos, long durationNanos,
                             StackCapture callSite, String error) {
        totals.computeIfAbsent(op, name -> new Totals()).add(hit, durationNanos);
        if (kept.size() >= capacity || !budget.take(RecordBudget.DETAIL_BYTES + RecordBudget.bytes(cache)
                + RecordBudget.bytes(key) + RecordBudget.bytes(error))) {
            dropped++;
            return;
        }
        kept.add(new Call(cache, op, key, hit, startNanos, durationNanos, callSite, error));
    }

    /** The kept calls in order, with their call sites resolved. */
    List<CacheEvent> calls() {
        List<Call> calls;
        synchronized (this) {
            calls = List.copyOf(kept);
        }
        List<CacheEvent> events = new ArrayList<>(calls.size());
        for (Call call : calls) {
            events.add(new CacheEvent(events.size(), call.cache(), call.op(), call.key(), call.hit(),
                    millis(call.startNanos() - requestStartNanos), millis(call.durationNanos()),
                    call.callSite() == null ? null : call.callSite().resolve(stackFilter).frame(), call.error()));
        }
        return events;
    }

    /** The kept calls as the Timeline draws them, without resolving their call sites. */
    synchronized List<TimedEvent> timedEvents() {
        List<TimedEvent> events = new ArrayList<>(kept.size());
        for (Call call : kept) {
            events.add(new TimedEvent(call.op() + " " + call.cache() + " " + call.key(),
                    millis(call.startNanos() - requestStartNanos), millis(call.durationNanos()), call.error() != null));
        }
        return events;
    }

    /** The totals per operation, in order of first use. */
    synchronized List<CacheStats.OperationTotal> totals() {
        List<CacheStats.OperationTotal> list = new ArrayList<>(totals.size());
        totals.forEach((op, t) -> list.add(new CacheStats.OperationTotal(op, t.calls, t.hits, t.misses,
                millis(t.nanos))));
        return list;
    }

    synchronized int dropped() {
        return dropped;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private record Call(String cache, String op, String key, Boolean hit, long startNanos, long durationNanos,
                        StackCapture callSite, String error) {
    }

    private static final class Totals {
        int calls;
        int hits;
        int misses;
        long nanos;

        void add(Boolean hit, long durationNanos) {
            calls++;
            if (hit != null) {
                if (hit) {
                    hits++;
                } else {
                    misses++;
                }
            }
            nanos += durationNanos;
        }
    }
}
