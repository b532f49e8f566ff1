package dev.debugtoolbar.core.cache;

import java.util.List;

/**
 * What the Cache panel shows for one request. Counts and times cover every call, kept or dropped.
 *
 * @param callCount    cache calls made
 * @param hits         calls that found their entry
 * @param misses       calls that did not
 * @param totalMillis  time spent in the caches
 * @param droppedCount calls beyond the per-request limit, counted but not listed
 * @param operations   totals per operation, in order of first use
 * @param calls        the kept calls in order
 * @param instrumented whether any cache reports to the toolbar ({@link CacheRecorder#of}, {@link JCacheRecorder#wrap});
 *                     when none does, no cache call could be seen
 */
public record CacheStats(int callCount, int hits, int misses, double totalMillis, int droppedCount,
                         List<OperationTotal> operations, List<CacheEvent> calls, boolean instrumented) {

    public CacheStats {
        operations = List.copyOf(operations);
        calls = List.copyOf(calls);
    }

    /** Hits among the calls that could hit or miss, from 0 to 1; {@code null} when there were none. */
    public Double hitRatio() {
        int lookups = hits + misses;
        return lookups == 0 ? null : (double) hits / lookups;
    }

    /**
     * The calls of one operation.
     *
     * @param op          the operation
     * @param calls       how often it was called
     * @param hits        of which found their entry
     * @param misses      of which did not
     * @param totalMillis the time they took together
     */
    public record OperationTotal(String op, int calls, int hits, int misses, double totalMillis) {
    }
}
