package dev.debugtoolbar.ui;

import org.unbescape.html.HtmlEscape;

/**
 * The one tag injected into every recorded HTML page: a deferred external script that builds the toolbar.
 * No inline script, so pages with a Content-Security-Policy keep working; their script nonce is the tag's, and
 * their style nonce is passed on for the toolbar's stylesheet. The script takes every URL it fetches from its
 * own resolved {@code src}, so {@code base} should name the origin ({@code //host:port/ctx/__toolbar}): a
 * {@code <base>} element in the page then changes nothing.
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
     * @param base       the URL of the toolbar's endpoints, for example {@code //localhost:8080/shop/__toolbar}
     * @param nonce      the page's CSP script nonce, or {@code null}
     * @param styleNonce the page's CSP style nonce, or {@code null}
     */
    public String render(String requestId, String base, String nonce, String styleNonce) {
        StringBuilder tag = new StringBuilder(256)
                .append("<script src=\"").append(attribute(base)).append("/static/toolbar.js?v=").append(scriptVersion)
                .append("\" data-tb-id=\"").append(attribute(requestId))
                .append("\" data-tb-css-v=\"").append(styleVersion)
                .append('"');
        if (styleNonce != null) {
            tag.append(" data-tb-style-nonce=\"").append(attribute(styleNonce)).append('"');
        }
        if (nonce != null) {
            tag.append(" nonce=\"").append(attribute(nonce)).append('"');
        }
        return tag.append(" defer></script>").toString();
    }

    private static String attribute(String value) {
        return HtmlEscape.escapeHtml4Xml(value);
    }
}
