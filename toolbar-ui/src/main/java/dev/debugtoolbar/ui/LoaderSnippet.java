package dev.debugtoolbar.ui;

import org.unbescape.html.HtmlEscape;

/**
 * The one tag injected into every recorded HTML page: a deferred external script that builds the toolbar.
 * No inline script, so pages with a Content-Security-Policy keep working; their nonce is passed on.
 */
public final class LoaderSnippet {

    private final String scriptVersion;
    private final String styleVersion;

    /** A snippet that points at the current versions of {@code assets}. */
    public LoaderSnippet(ToolbarAssets assets) {
        this.scriptVersion = assets.version("toolbar.js");
        this.styleVersion = assets.version("toolbar.css");
    }

    /**
     * The tag for one request.
     *
     * @param requestId the recorded request's id
     * @param base      the URL path of the toolbar's endpoints, for example {@code /shop/__toolbar}
     * @param nonce     the page's CSP script nonce, or {@code null}
     */
    public String render(String requestId, String base, String nonce) {
        String escapedBase = attribute(base);
        StringBuilder tag = new StringBuilder(256)
                .append("<script src=\"").append(escapedBase).append("/static/toolbar.js?v=").append(scriptVersion)
                .append("\" data-tb-id=\"").append(attribute(requestId))
                .append("\" data-tb-base=\"").append(escapedBase)
                .append("\" data-tb-css=\"").append(escapedBase).append("/static/toolbar.css?v=").append(styleVersion)
                .append('"');
        if (nonce != null) {
            tag.append(" nonce=\"").append(attribute(nonce)).append('"');
        }
        return tag.append(" defer></script>").toString();
    }

    private static String attribute(String value) {
        return HtmlEscape.escapeHtml4Xml(value);
    }
}
