package dev.debugtoolbar.core.redirects;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestView;
import dev.debugtoolbar.core.ResponseView;
import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.internal.RequestKind;
import dev.debugtoolbar.core.panel.Panel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The built-in Redirects panel: where a redirecting request sent the browser. With
 * {@link dev.debugtoolbar.core.DebugToolbar.Builder#interceptRedirects(boolean)} on, the host shows a browser's
 * page request that redirects as an intermediate page with the target link and this request's toolbar.
 */
public final class RedirectsPanel implements Panel<RedirectsStats> {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** What a browser's URL parser removes from anywhere in a URL before it reads the scheme. */
    private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");

    private final ToolbarConfig config;
    private final Masking masking;

    /**
     * A panel that knows from {@code config} whether redirects are intercepted, and from {@code masking} whether
     * a target holds a secret: such a target is shown masked and not linked.
     */
    public RedirectsPanel(ToolbarConfig config, Masking masking) {
        this.config = config;
        this.masking = masking;
    }

    /** Whether a redirect answering {@code request} is shown as an intermediate page under {@code config}. */
    public static boolean intercepts(ToolbarConfig config, RequestView request) {
        return config.interceptRedirects() && RequestKind.isPageNavigation(request::header);
    }

    /** Whether {@code status} is a redirect a browser follows with a {@code Location}. */
    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * {@code location} when following it cannot run script: http, https, or relative; else {@code null}. The
     * scheme is read as a browser reads it, without tabs and line breaks ({@code java\tscript:} is javascript).
     */
    public static String safeLink(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String trimmed = location.trim();
        String asParsed = TAB_OR_NEWLINE.matcher(trimmed).replaceAll("");
        if (!SCHEME.matcher(asParsed).find()) {
            return trimmed;
        }
        String lower = asParsed.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? trimmed : null;
    }

    @Override
    public String id() {
        return "redirects";
    }

    @Override
    public String title() {
        return "Redirects";
    }

    /** Its stats wait for the record's first reading: it reads the response and the headers kept in the context. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public RedirectsStats onRequestEnd(RequestContext context) {
        ResponseView response = context.response();
        String location = isRedirect(response.status()) ? location(response.headers()) : null;
        boolean holdsSecret = location != null && !location.equals(masking.value(location));
        return new RedirectsStats(response.status(), location, holdsSecret ? null : safeLink(location),
                location != null && intercepts(config, context.request()));
    }

    @Override
    public String subtitle(RedirectsStats stats) {
        return stats.redirected() ? stats.status() + " → " + stats.location() : "none";
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/redirects.html";
    }

    private static String location(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Location") && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
