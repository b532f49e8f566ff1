package dev.debugtoolbar.core.sql;

import java.util.List;

/**
 * What the SQL panel shows for one request.
 *
 * @param queryCount   statements run (kept and dropped)
 * @param totalMillis  time spent in the driver by the kept statements
 * @param errorCount   kept statements that failed
 * @param droppedCount statements beyond the per-request limit, counted but not kept
 * @param queries      the kept statements in order
 */
public record SqlStats(int queryCount, double totalMillis, int errorCount, int droppedCount,
                       List<QueryEvent> queries) {

    public SqlStats {
        queries = List.copyOf(queries);
    }
}
