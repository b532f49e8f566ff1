package dev.debugtoolbar.core.internal;

import java.util.Locale;
import java.util.function.Function;

/** Tells a browser's page navigation from a script's fetch or XHR call, by the request's headers. */
public final class RequestKind {

    private RequestKind() {
    }

    /**
     * Whether a script made the request (fetch or XMLHttpRequest): {@code X-Requested-With: XMLHttpRequest},
     * {@code Sec-Fetch-Dest: empty}, or {@code Sec-Fetch-Mode} {@code cors} or {@code same-origin}.
     *
     * @param header a header's first value by name, or {@code null}
     */
    public static boolean isAjax(Function<String, String> header) {
        String requestedWith = header.apply("X-Requested-With");
        if (requestedWith != null && requestedWith.equalsIgnoreCase("XMLHttpRequest")) {
            return true;
        }
        String dest = lower(header.apply("Sec-Fetch-Dest"));
        String mode = lower(header.apply("Sec-Fetch-Mode"));
        return "empty".equals(dest) || "cors".equals(mode) || "same-origin".equals(mode);
    }

    /** Whether a browser navigates to a page: it accepts HTML and no script made the request. */
    public static boolean isPageNavigation(Function<String, String> header) {
        String accept = lower(header.apply("Accept"));
        boolean wantsHtml = accept != null && accept.contains("text/html")
                || "navigate".equals(lower(header.apply("Sec-Fetch-Mode")));
        return wantsHtml && !isAjax(header);
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
