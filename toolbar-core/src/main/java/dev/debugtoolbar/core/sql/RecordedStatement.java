package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.callsite.StackCapture;

import java.util.List;

/**
 * The raw facts of one statement, kept while the request runs; turned into a {@link QueryEvent} when it
 * ends. Written once by the recorder (under the {@link SqlLog}'s lock), except for the row count, which
 * the application's iteration of the result set keeps raising afterwards.
 */
final class RecordedStatement {

    final int index;
    final String sql;
    final Object[] params;
    final List<Object[]> batch;
    /** How many entries of the batch were counted but not kept. */
    final int batchOmitted;
    /** Whether its SQL text or a parameter was too long to keep whole, so that it cannot be run again. */
    final boolean cut;
    final String dataSource;
    final long startNanos;
    final long durationNanos;
    final Integer updateCount;
    final RowCount rowsRead;
    final String connectionId;
    final String transactionId;
    final String error;
    final StackCapture stack;
    final boolean stackInferred;

    RecordedStatement(int index, String sql, Object[] params, List<Object[]> batch, int batchOmitted, boolean cut,
                      String dataSource,
                      long startNanos, long durationNanos, Integer updateCount, RowCount rowsRead,
                      String connectionId, String transactionId, String error, StackCapture stack,
                      boolean stackInferred) {
        this.index = index;
        this.sql = sql;
        this.params = params;
        this.batch = batch;
        this.batchOmitted = batchOmitted;
        this.cut = cut;
        this.dataSource = dataSource;
        this.startNanos = startNanos;
        this.durationNanos = durationNanos;
        this.updateCount = updateCount;
        this.rowsRead = rowsRead;
        this.connectionId = connectionId;
        this.transactionId = transactionId;
        this.error = error;
        this.stack = stack;
        this.stackInferred = stackInferred;
    }

    /** Rows changed by an update, else rows read so far from its result sets, else {@code null}. */
    Integer rows() {
        if (updateCount != null) {
            return updateCount;
        }
        return rowsRead == null ? null : rowsRead.rows;
    }
}
