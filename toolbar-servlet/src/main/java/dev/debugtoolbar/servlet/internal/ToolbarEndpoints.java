package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.store.RecordLookup;
import dev.debugtoolbar.ui.ToolbarAssets;
import dev.debugtoolbar.ui.ToolbarRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The toolbar's endpoints under its path prefix:
 * <pre>
 * GET static/{file}                      toolbar.js, toolbar.css
 * GET requests/{id}                      the toolbar's HTML for a request
 * GET requests/{id}/panels/{panelId}     one panel's HTML
 * GET api/requests?limit=N               JSON summaries, newest first
 * GET api/requests/{id}                  JSON of a whole record
 * GET|POST requests/{id}/sql/...         the SQL panel's rows, EXPLAIN and re-run ({@link SqlEndpoints})
 * </pre>
 * Unknown paths and ids answer 404, other methods 405 (only the SQL actions take POST), malformed
 * parameters 400, requests from another site 403 (all but the static files; see {@link CrossSite}), each with a
 * message. The answers never carry CORS headers. A request whose id is out but which is still running (its
 * response is streaming) is waited for up to {@value #RECORD_WAIT_SECONDS} seconds; if it still runs then, the
 * record endpoints answer 202 with the JSON {@code {"id": ..., "running": true, "message": ...}} and
 * {@code Retry-After}: ask again.
 */
public final class ToolbarEndpoints {

    private static final System.Logger LOG = System.getLogger(ToolbarEndpoints.class.getName());
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;
    /** How long a record endpoint waits for a request that is still running. */
    static final int RECORD_WAIT_SECONDS = 2;

    private final DebugToolbar toolbar;
    private final ToolbarRenderer renderer;
    private final ToolbarAssets assets;
    private final RecordJson json = new RecordJson();
    private final SqlEndpoints sql;

    /** Endpoints that show {@code toolbar}'s records. */
    public ToolbarEndpoints(DebugToolbar toolbar, ToolbarRenderer renderer, ToolbarAssets assets) {
        this.toolbar = toolbar;
        this.renderer = renderer;
        this.assets = assets;
        this.sql = new SqlEndpoints(toolbar, renderer, json);
    }

    /**
     * Answers a request to {@code route}, the path after the prefix (for example {@code /requests/abc}).
     *
     * @param base the URL path of the endpoints as the browser sees it, for links in the HTML
     */
    public void handle(HttpServletRequest request, HttpServletResponse response, String route, String base)
            throws IOException {
        CrossSite.dropCorsHeaders(response);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) && !("POST".equals(method) && SqlEndpoints.isAction(route))) {
            response.setHeader("Allow", "GET, HEAD");
            text(response, 405, "The toolbar's endpoints answer GET only, not " + method + ".");
            return;
        }
        try {
            route(request, response, route, base);
            response.flushBuffer();
        } catch (RuntimeException storeOrRenderFailure) {
            LOG.log(System.Logger.Level.WARNING, "toolbar endpoint " + route + " failed", storeOrRenderFailure);
            if (!response.isCommitted()) {
                response.resetBuffer();
                text(response, 503, "The toolbar could not answer: " + storeOrRenderFailure);
            }
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, String route, String base)
            throws IOException {
        List<String> parts = List.of(route.replaceFirst("^/+", "").split("/", -1));
        String crossSite = parts.get(0).equals("static") ? null : CrossSite.refusal(request);
        if (crossSite != null) {
            text(response, 403, "Refused: " + crossSite + ". The toolbar answers its own page only.");
        } else if (parts.size() == 2 && parts.get(0).equals("static")) {
            staticFile(request, response, parts.get(1));
        } else if (parts.size() == 2 && parts.get(0).equals("requests")) {
            withRecord(response, parts.get(1), record -> html(response, renderer.renderToolbar(record, base)));
        } else if (parts.size() == 4 && parts.get(0).equals("requests") && parts.get(2).equals("panels")) {
            withRecord(response, parts.get(1), record -> panel(response, record, parts.get(3), base));
        } else if (parts.size() >= 4 && parts.get(0).equals("requests") && parts.get(2).equals("sql")) {
            withRecord(response, parts.get(1),
                    record -> sql.handle(request, response, record, parts.subList(3, parts.size()), base));
        } else if (parts.size() == 2 && parts.get(0).equals("api") && parts.get(1).equals("requests")) {
            summaries(request, response);
        } else if (parts.size() == 3 && parts.get(0).equals("api") && parts.get(1).equals("requests")) {
            withRecord(response, parts.get(2), record -> {
                jsonHeaders(response);
                json.writeRecord(record, response.getOutputStream());
            });
        } else {
            text(response, 404, "No toolbar endpoint at " + route + ".");
        }
    }

    private void staticFile(HttpServletRequest request, HttpServletResponse response, String name)
            throws IOException {
        ToolbarAssets.Asset asset = assets.find(name).orElse(null);
        if (asset == null) {
            text(response, 404, "No toolbar file named " + name + ".");
            return;
        }
        boolean versioned = asset.version().equals(request.getParameter("v"));
        response.setHeader("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
        response.setContentType(asset.contentType());
        response.setContentLength(asset.bytes().length);
        response.getOutputStream().write(asset.bytes());
    }

    private void panel(HttpServletResponse response, RequestRecord record, String panelId, String base)
            throws IOException {
        PanelResult panel = record.panel(panelId).orElse(null);
        if (panel == null) {
            text(response, 404, "Request " + record.id() + " has no panel '" + panelId + "'.");
            return;
        }
        html(response, renderer.renderPanel(record, panel, base));
    }

    private void summaries(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String limitText = request.getParameter("limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                text(response, 400, "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + limitText + "'.");
                return;
            }
        }
        jsonHeaders(response);
        json.writeSummaries(toolbar.store().recent(limit), response.getOutputStream());
    }

    private void withRecord(HttpServletResponse response, String id, RecordAction action) throws IOException {
        RecordLookup lookup = ID.matcher(id).matches() ? toolbar.lookUp(id, Duration.ofSeconds(RECORD_WAIT_SECONDS))
                : new RecordLookup(Optional.empty(), false);
        RequestRecord record = lookup.record().orElse(null);
        if (lookup.running()) {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            response.setHeader("Retry-After", "1");
            jsonHeaders(response);
            json.writeValue(new StillRunning(id, true, "The request is still running; its record is ready when it"
                    + " ends. Ask again."), response.getOutputStream());
            return;
        }
        if (record == null) {
            text(response, 404, "No recorded request with id '" + id + "'. The toolbar keeps the newest "
                    + toolbar.config().storeCapacity() + " requests; older ones are gone.");
            return;
        }
        action.accept(record);
    }

    /** Answers with an HTML fragment, never cached. */
    static void html(HttpServletResponse response, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void jsonHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
    }

    /** Answers with a plain-text message. */
    public static void text(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The answer for a request that is still running. */
    private record StillRunning(String id, boolean running, String message) {
    }

    @FunctionalInterface
    private interface RecordAction {
        void accept(RequestRecord record) throws IOException;
    }
}
