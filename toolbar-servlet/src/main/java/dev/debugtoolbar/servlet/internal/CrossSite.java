package dev.debugtoolbar.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the toolbar's answers to its own page. A browser tells where a request comes from by
 * {@code Sec-Fetch-Site} (or, in browsers without it, {@code Origin}): the toolbar answers only
 * {@code same-origin} requests and ones the user made directly ({@code none}: typed into the address bar), and
 * clients that send neither (curl, test clients). Its answers never carry CORS headers ({@code Access-Control-*}),
 * whatever an application's CORS filter added before the toolbar's filter ran, so that no browser lets another
 * site's script read them.
 */
public final class CrossSite {

    private static final String CORS_PREFIX = "access-control-";

    private CrossSite() {
    }

    /** Why the request comes from another site, or {@code null} when it comes from the same origin or no browser. */
    public static String refusal(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none") ? null
                    : "the browser says this request comes from a " + site + " page";
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return null;
        }
        String host = request.getHeader("Host");
        String authority;
        try {
            authority = URI.create(origin.trim()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            authority = null;
        }
        if (authority == null || host == null
                || !authority.toLowerCase(Locale.ROOT).equals(host.trim().toLowerCase(Locale.ROOT))) {
            return "it comes from the origin " + origin + ", not from " + host;
        }
        return null;
    }

    /**
     * Takes away the CORS headers that the application set on the response before the toolbar's filter ran. The
     * Servlet API cannot remove a single header, so the response is reset and its other headers put back.
     */
    public static void dropCorsHeaders(HttpServletResponse response) {
        if (response.isCommitted() || response.getHeaderNames().stream().noneMatch(CrossSite::isCors)) {
            return;
        }
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!isCors(name)) {
                kept.putIfAbsent(name, List.copyOf(response.getHeaders(name)));
            }
        }
        response.reset();
        kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    }

    private static boolean isCors(String headerName) {
        return headerName.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length());
    }
}
