package dev.debugtoolbar.core.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the SQL panel shows for one request.
 *
 * @param queryCount        statements run (kept and dropped)
 * @param totalMillis       time spent in the driver by the kept statements
 * @param errorCount        kept statements that failed
 * @param droppedCount      statements beyond the per-request limit, counted but not kept
 * @param queries           the kept statements in order
 * @param duplicateCount    statements that repeat an earlier one exactly (same SQL, same parameters)
 * @param similarCount      statements that share their SQL with others run with other parameters
 * @param nPlusOne          likely N+1 patterns, most repeated first
 * @param slowCount         statements slower than {@code slowMillis}
 * @param slowMillis        the slow-statement threshold
 * @param stackCount        call-site stacks captured
 * @param maxStacks         the per-request limit of captured stacks
 * @param stackLimitReached whether statements went without a stack because of that limit
 * @param transactions      explicit transactions, in the order they began
 * @param connectionCount   connections used
 * @param databases         the database product of each data source used, by data-source id
 * @param instrumented      whether the toolbar had wrapped any data source ({@code toolbar.wrap(dataSource)}); when
 *                          not, no statement could be seen
 */
public record SqlStats(int queryCount, double totalMillis, int errorCount, int droppedCount,
                       List<QueryEvent> queries, int duplicateCount, int similarCount, List<NPlusOne> nPlusOne,
                       int slowCount, double slowMillis, int stackCount, int maxStacks, boolean stackLimitReached,
                       List<SqlTransaction> transactions, int connectionCount, Map<String, String> databases,
                       boolean instrumented) {

    public SqlStats {
        queries = List.copyOf(queries);
        nPlusOne = List.copyOf(nPlusOne);
        transactions = List.copyOf(transactions);
        databases = Map.copyOf(databases);
    }

    /**
     * Statement rows per page of the SQL panel: enough to see a page's pattern at once, few enough that the panel
     * opens quickly in the browser with a thousand statements (see docs/performance.md).
     */
    public static final int PAGE_SIZE = 50;

    /** {@value #PAGE_SIZE}, for templates (which cannot read constants). */
    public int pageSize() {
        return PAGE_SIZE;
    }

    /**
     * Up to {@code size} statements from position {@code from}, in order of execution or, with
     * {@code byTime}, slowest first.
     */
    public List<QueryEvent> page(int from, int size, boolean byTime) {
        List<QueryEvent> ordered = queries;
        if (byTime) {
            ordered = new ArrayList<>(queries);
            ordered.sort(Comparator.comparingDouble(QueryEvent::durationMillis).reversed()
                    .thenComparingInt(QueryEvent::index));
        }
        int start = Math.max(0, Math.min(from, ordered.size()));
        return ordered.subList(start, Math.min(ordered.size(), start + Math.max(0, size)));
    }

    /** The transactions whose last statement is {@code index}: shown as their commit or rollback after it. */
    public List<SqlTransaction> endingAfter(int index) {
        return transactions.stream().filter(t -> t.lastIndex() == index).toList();
    }

    /** The statement with its parameters written as literals of its database, ready to paste into a console. */
    public String runnableSql(QueryEvent query) {
        return SqlDialect.of(databases.get(query.dataSource())).inline(query.sql(), query.values());
    }

    /** Whether the toolbar can show the plan of this statement. */
    public boolean canExplain(QueryEvent query) {
        return query.explainable() && SqlDialect.of(databases.get(query.dataSource())).canExplain();
    }

    /** Whether the toolbar can run this statement again (Select, EXPLAIN ANALYZE), not only plan it. */
    public boolean canRerun(QueryEvent query) {
        return query.explainable() && SqlDialect.of(databases.get(query.dataSource())).runsStatements();
    }

    /**
     * Why EXPLAIN or re-run is not offered for this statement, for the panel to show where the buttons would be;
     * {@code null} when all of them are.
     */
    public String replayNote(QueryEvent query) {
        return query.explainable() ? SqlReplayer.planOnly(databases.get(query.dataSource())) : query.replayRefusal();
    }
}
