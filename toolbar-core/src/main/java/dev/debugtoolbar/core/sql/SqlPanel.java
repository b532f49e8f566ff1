package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.panel.Timing;
import dev.debugtoolbar.core.internal.Text;

import java.util.List;

/** The built-in SQL panel: every statement of the request with its parameters, time and outcome. */
public final class SqlPanel implements Panel<SqlStats> {

    /** The panel's id, which collectors of statements check with {@link RequestContext#isPanelEnabled}. */
    public static final String ID = "sql";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "SQL";
    }

    @Override
    public SqlStats onRequestEnd(RequestContext context) {
        SqlLog log = context.sql();
        List<QueryEvent> queries = log.events();
        int dropped = log.dropped();
        double total = 0;
        int errors = 0;
        for (QueryEvent query : queries) {
            total += query.durationMillis();
            if (query.error() != null) {
                errors++;
            }
        }
        return new SqlStats(queries.size() + dropped, total, errors, dropped, queries);
    }

    @Override
    public String subtitle(SqlStats stats) {
        return Text.count(stats.queryCount(), "query", "queries") + " in " + Text.millis(stats.totalMillis());
    }

    @Override
    public List<Timing> timings(SqlStats stats) {
        return List.of(new Timing("sql", stats.totalMillis(),
                "SQL (" + Text.count(stats.queryCount(), "query", "queries") + ")"));
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/sql.html";
    }
}
