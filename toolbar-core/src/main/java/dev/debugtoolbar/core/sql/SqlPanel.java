package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.callsite.StackFilter;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.panel.Timing;

import java.util.List;

/**
 * The built-in SQL panel: every statement of the request with its parameters, time, rows, connection,
 * transaction and call site; duplicates, similar statements and likely N+1 patterns; EXPLAIN and re-run.
 */
public final class SqlPanel implements Panel<SqlStats> {

    /** The panel's id, which collectors of statements check with {@link RequestContext#isPanelEnabled}. */
    public static final String ID = "sql";

    private final SqlAnalysis.Options options;

    /**
     * A panel that resolves call sites with {@code stackFilter}, marks statements slower than
     * {@code slowMillis}, flags {@code nPlusOneThreshold} or more similar statements from one call site,
     * and knows the statements' data sources from {@code dataSources}.
     */
    public SqlPanel(StackFilter stackFilter, double slowMillis, int nPlusOneThreshold, int maxStacks,
                    SqlDataSources dataSources) {
        this.options = new SqlAnalysis.Options(stackFilter, slowMillis, nPlusOneThreshold, maxStacks, dataSources);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "SQL";
    }

    /** Its stats wait for the record's first reading: the analysis and the call sites are most of its cost. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public List<Timing> deferredTimings(RequestContext context) {
        SqlLog log = context.sql();
        return timings(log.count(), log.keptMillis());
    }

    @Override
    public SqlStats onRequestEnd(RequestContext context) {
        return SqlAnalysis.analyse(context.sql().snapshot(), options);
    }

    @Override
    public String subtitle(SqlStats stats) {
        if (!stats.instrumented()) {
            return "not instrumented";
        }
        StringBuilder subtitle = new StringBuilder(Text.count(stats.queryCount(), "query", "queries"))
                .append(" in ").append(Text.millis(stats.totalMillis()));
        if (stats.duplicateCount() > 0) {
            subtitle.append(" · ").append(Text.count(stats.duplicateCount(), "duplicate", "duplicates"));
        }
        if (stats.similarCount() > 0) {
            subtitle.append(" · ").append(stats.similarCount()).append(" similar");
        }
        if (!stats.nPlusOne().isEmpty()) {
            subtitle.append(" · N+1");
        }
        return subtitle.toString();
    }

    @Override
    public List<Timing> timings(SqlStats stats) {
        return timings(stats.queryCount(), stats.totalMillis());
    }

    private static List<Timing> timings(int queryCount, double totalMillis) {
        return List.of(new Timing("sql", totalMillis, "SQL (" + Text.count(queryCount, "query", "queries") + ")"));
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/sql.html";
    }
}
