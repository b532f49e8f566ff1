package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.sql.QueryEvent;
import dev.debugtoolbar.core.sql.SqlRefusedException;
import dev.debugtoolbar.core.sql.SqlRunResult;
import dev.debugtoolbar.core.sql.SqlStats;
import dev.debugtoolbar.ui.ToolbarRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL panel's own endpoints, under {@code requests/{id}/sql/}:
 * <pre>
 * GET  rows?from=N&amp;sort=order|time     the next page of statement rows (HTML)
 * POST {index}/explain[?analyze=true]  the plan of recorded statement {index}
 * POST {index}/select                  the rows of recorded statement {index}, run again
 * </pre>
 * The statement is taken from the stored record, never from the browser. Requests from another site are
 * refused with 403 before they get here ({@link CrossSite}). Results are an HTML fragment, or
 * JSON for {@code Accept: application/json}; a refused statement answers 400 and a database error 422,
 * each with a message.
 */
final class SqlEndpoints {

    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");
    private static final Pattern ACTION = Pattern.compile("/*requests/[^/]+/sql/[^/]+/(explain|select)");
    private static final String TEMPLATE = "dev/debugtoolbar/ui/panels/sql.html";
    private static final String RESULT_TEMPLATE = "dev/debugtoolbar/ui/panels/sql-result.html";

    private final DebugToolbar toolbar;
    private final ToolbarRenderer renderer;
    private final RecordJson json;

    SqlEndpoints(DebugToolbar toolbar, ToolbarRenderer renderer, RecordJson json) {
        this.toolbar = toolbar;
        this.renderer = renderer;
        this.json = json;
    }

    /** Whether {@code route} is an action that is POSTed. */
    static boolean isAction(String route) {
        return ACTION.matcher(route).matches();
    }

    /** Answers {@code requests/{id}/sql/} + {@code rest} for the record found. */
    void handle(HttpServletRequest request, HttpServletResponse response, RequestRecord record, List<String> rest,
                String base) throws IOException {
        SqlStats stats = record.panel("sql").filter(p -> !p.failed()).map(PanelResult::stats)
                .filter(SqlStats.class::isInstance).map(SqlStats.class::cast).orElse(null);
        if (stats == null) {
            ToolbarEndpoints.text(response, 404, "Request " + record.id() + " has no SQL panel.");
        } else if (rest.size() == 1 && rest.get(0).equals("rows")) {
            if (!"GET".equals(request.getMethod())) {
                response.setHeader("Allow", "GET");
                ToolbarEndpoints.text(response, 405, "The rows of the SQL panel answer GET only.");
                return;
            }
            rows(request, response, record, stats, base);
        } else if (rest.size() == 2 && (rest.get(1).equals("explain") || rest.get(1).equals("select"))) {
            if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "POST");
                ToolbarEndpoints.text(response, 405, "EXPLAIN and re-run answer POST only.");
                return;
            }
            run(request, response, record, stats, rest.get(0), rest.get(1).equals("explain"));
        } else {
            ToolbarEndpoints.text(response, 404, "No SQL endpoint at " + String.join("/", rest) + ".");
        }
    }

    private void rows(HttpServletRequest request, HttpServletResponse response, RequestRecord record,
                      SqlStats stats, String base) throws IOException {
        String fromText = request.getParameter("from");
        int from = fromText != null && INDEX.matcher(fromText).matches() ? Integer.parseInt(fromText) : -1;
        String sort = request.getParameter("sort") == null ? "order" : request.getParameter("sort");
        if (from < 0 || !(sort.equals("order") || sort.equals("time"))) {
            ToolbarEndpoints.text(response, 400, "rows needs from=<a whole number> and sort=order or sort=time.");
            return;
        }
        boolean byTime = sort.equals("time");
        Map<String, Object> variables = Map.of("record", record, "stats", stats, "base", base,
                "rows", stats.page(from, SqlStats.PAGE_SIZE, byTime), "byTime", byTime);
        ToolbarEndpoints.html(response, renderer.renderFragment(TEMPLATE, "rows", variables));
    }

    private void run(HttpServletRequest request, HttpServletResponse response, RequestRecord record, SqlStats stats,
                     String indexText, boolean explain) throws IOException {
        int index = INDEX.matcher(indexText).matches() ? Integer.parseInt(indexText) : -1;
        QueryEvent query = index >= 0 && index < stats.queries().size() ? stats.queries().get(index) : null;
        if (query == null) {
            ToolbarEndpoints.text(response, 404, "Request " + record.id() + " has no recorded statement '"
                    + indexText + "' (it kept " + stats.queries().size() + ").");
            return;
        }
        boolean analyze = "true".equals(request.getParameter("analyze"));
        SqlRunResult result;
        try {
            result = explain ? toolbar.sqlReplayer().explain(query, analyze) : toolbar.sqlReplayer().select(query);
        } catch (SqlRefusedException refused) {
            ToolbarEndpoints.text(response, 400, refused.getMessage() + " Nothing was run.");
            return;
        } catch (SQLException failed) {
            ToolbarEndpoints.text(response, 422, "The database refused it (and it was rolled back): "
                    + failed.getMessage());
            return;
        }
        String accept = request.getHeader("Accept");
        response.setHeader("Cache-Control", "no-store");
        if (accept != null && accept.contains("application/json")) {
            response.setContentType("application/json;charset=UTF-8");
            json.writeValue(result, response.getOutputStream());
        } else {
            ToolbarEndpoints.html(response, renderer.renderTemplate(RESULT_TEMPLATE, Map.of("result", result)));
        }
    }
}
