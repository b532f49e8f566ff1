package dev.debugtoolbar.core.cache;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.callsite.StackFilter;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.timeline.TimedEvents;
import dev.debugtoolbar.core.panel.Timing;

import java.util.List;

/** The built-in Cache panel: every cache call of the request, with totals per operation, hits and misses. */
public final class CachePanel implements Panel<CacheStats> {

    private final int maxCalls;
    private final int maxStacks;
    private final StackFilter stackFilter;
    private volatile boolean instrumented;

    /**
     * A panel that keeps the details of at most {@code maxCalls} calls per request, with call sites found by
     * {@code stackFilter} from at most {@code maxStacks} captured stacks.
     */
    public CachePanel(int maxCalls, int maxStacks, StackFilter stackFilter) {
        this.maxCalls = maxCalls;
        this.maxStacks = maxStacks;
        this.stackFilter = stackFilter;
    }

    @Override
    public String id() {
        return "cache";
    }

    @Override
    public String title() {
        return "Cache";
    }

    @Override
    public void onRequestStart(RequestContext context) {
        context.put(CacheLog.KEY,
                new CacheLog(context.startNanos(), maxCalls, maxStacks, stackFilter, context.budget()));
    }

    /** The request's cache calls as Timeline bars, in this panel's order. */
    public static TimedEvents timedEvents(RequestContext context) {
        CacheLog log = context.get(CacheLog.KEY);
        if (log == null) {
            return List::of;
        }
        return log::timedEvents;
    }

    /** Its stats wait for the record's first reading: resolving the calls' call sites is most of their cost. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public List<Timing> deferredTimings(RequestContext context) {
        CacheLog log = context.get(CacheLog.KEY);
        return log == null ? List.of() : timings(stats(log, List.of()));
    }

    @Override
    public CacheStats onRequestEnd(RequestContext context) {
        CacheLog log = context.get(CacheLog.KEY);
        return log == null ? new CacheStats(0, 0, 0, 0, 0, List.of(), List.of(), instrumented)
                : stats(log, log.calls());
    }

    private CacheStats stats(CacheLog log, List<CacheEvent> calls) {
        List<CacheStats.OperationTotal> operations = log.totals();
        int count = 0;
        int hits = 0;
        int misses = 0;
        double total = 0;
        for (CacheStats.OperationTotal operation : operations) {
            count += operation.calls();
            hits += operation.hits();
            misses += operation.misses();
            total += operation.totalMillis();
        }
        return new CacheStats(count, hits, misses, total, log.dropped(), operations, calls, instrumented);
    }

    /** Notes that a cache now reports to this panel's toolbar. */
    void instrumented() {
        instrumented = true;
    }

    @Override
    public String subtitle(CacheStats stats) {
        if (!stats.instrumented()) {
            return "not instrumented";
        }
        return Text.count(stats.callCount(), "call", "calls") + ", " + Text.count(stats.misses(), "miss", "misses");
    }

    @Override
    public List<Timing> timings(CacheStats stats) {
        if (stats.callCount() == 0) {
            return List.of();
        }
        return List.of(new Timing("cache", stats.totalMillis(), "Cache (" + subtitle(stats) + ")"));
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/cache.html";
    }
}
