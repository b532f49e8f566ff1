package dev.debugtoolbar.core;

import java.util.List;
import java.util.Map;

/**
 * What the toolbar may read of the incoming request, independent of the host's API. Implementations are
 * live views: panels read them at the start and end of the request, never after it completed.
 */
public interface RequestView {

    /** The HTTP method, for example {@code GET}. */
    String method();

    /** The full request URL without the query string. */
    String url();

    /** The path inside the application (without the context path), for example {@code /books}. */
    String path();

    /** The raw query string, or {@code null} when there is none. */
    String query();

    /** The address of the client as the host sees it (the direct peer, or a trusted proxy's client). */
    String remoteAddress();

    /** Parameters from the query string, in order of first appearance. */
    Map<String, List<String>> queryParameters();

    /** Parameters from a form body ({@code application/x-www-form-urlencoded}), without the query ones. */
    Map<String, List<String>> formParameters();

    /** Request headers by name as sent, each with all its values. */
    Map<String, List<String>> headers();

    /** A request header's first value, its name matched without regard to case, or {@code null}. */
    default String header(String name) {
        for (Map.Entry<String, List<String>> header : headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** Cookies by name. */
    Map<String, String> cookies();

    /** The HTTP session's attributes, or an empty map when the request has no session (none is created). */
    Map<String, Object> sessionAttributes();

    /** What the host tells about itself; the default knows nothing. */
    default HostInfo host() {
        return HostInfo.UNKNOWN;
    }
}
