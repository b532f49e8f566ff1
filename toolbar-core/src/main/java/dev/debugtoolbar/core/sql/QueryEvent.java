package dev.debugtoolbar.core.sql;

import java.util.Collections;
import java.util.List;

/**
 * One statement execution, as recorded and analysed.
 *
 * @param index            its position among the request's statements, from 0, in the order they finished
 * @param sql              the SQL text as sent to the driver
 * @param params           the bound parameters in order, as text ({@code null} for SQL NULL); the first
 *                         entry of a batch
 * @param batch            every entry's parameters when the statement ran as a batch of more than one, else empty
 * @param startMillis      when it started, in milliseconds since the request began
 * @param durationMillis   how long the driver took
 * @param rows             rows changed by an update or batch, else rows the application read from its
 *                         result sets (counted as it iterated), else {@code null}
 * @param connectionId     the connection it ran on, numbered per request: {@code c1}, {@code c2}, ...
 * @param transactionId    its explicit transaction ({@code t1}, ...), or {@code null} when it auto-committed
 * @param dataSource       the id of the wrapped data source it ran on ({@code ds1} or the name given to
 *                         {@code DebugToolbar.wrap})
 * @param error            the failure's type and message, or {@code null} when it succeeded
 * @param callSite         the first application frame that ran it, or {@code null} when unknown
 * @param stack            the application frames, innermost first (the first is {@code callSite})
 * @param callSiteInferred whether the call site is that of an earlier run of the same SQL text (its own
 *                         stack was not captured, to keep repeated statements cheap)
 * @param duplicateOf      the index of the first statement with the same SQL and parameters, or {@code null}
 * @param similarGroup     the number of its group of statements with the same SQL and other parameters,
 *                         or {@code null}
 * @param slow             whether it took longer than the slow-statement threshold
 * @param explainable      whether the toolbar may EXPLAIN and re-run it (a single SELECT whose parameters
 *                         can all be bound again)
 * @param values           the parameters as bound, for re-running; not part of the JSON (empty when read
 *                         back from it)
 * @param replayRefusal    why the toolbar will not EXPLAIN or re-run it, for the developer; {@code null} when
 *                         {@code explainable}
 * @param batchOmitted     how many entries of its batch were counted but not kept in {@code batch}, to keep the
 *                         record small
 * @param cut              whether its SQL text or a parameter was too long to keep whole (it is shown cut), so
 *                         that it cannot be run again
 */
public record QueryEvent(
        int index,
        String sql,
        List<String> params,
        List<List<String>> batch,
        double startMillis,
        double durationMillis,
        Integer rows,
        String connectionId,
        String transactionId,
        String dataSource,
        String error,
        String callSite,
        List<String> stack,
        boolean callSiteInferred,
        Integer duplicateOf,
        Integer similarGroup,
        boolean slow,
        boolean explainable,
        List<Object> values,
        String replayRefusal,
        int batchOmitted,
        boolean cut) {

    public QueryEvent {
        params = params == null ? List.of() : Collections.unmodifiableList(params);
        batch = batch == null ? List.of() : List.copyOf(batch);
        stack = stack == null ? List.of() : List.copyOf(stack);
        values = values == null ? List.of() : Collections.unmodifiableList(values);
    }

    /** A statement kept whole, with its whole batch. */
    public QueryEvent(int index, String sql, List<String> params, List<List<String>> batch, double startMillis,
                      double durationMillis, Integer rows, String connectionId, String transactionId,
                      String dataSource, String error, String callSite, List<String> stack, boolean callSiteInferred,
                      Integer duplicateOf, Integer similarGroup, boolean slow, boolean explainable,
                      List<Object> values, String replayRefusal) {
        this(index, sql, params, batch, startMillis, durationMillis, rows, connectionId, transactionId, dataSource,
                error, callSite, stack, callSiteInferred, duplicateOf, similarGroup, slow, explainable, values,
                replayRefusal, 0, false);
    }
}
