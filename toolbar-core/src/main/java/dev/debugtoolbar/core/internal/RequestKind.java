package dev.debugtoolbar.core.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Tells a browser's page navigation from a script's fetch or XHR call, by the request's headers, and a static
 * file (style sheet, script, image, font, media) by the response's content type.
 */
public final class RequestKind {

    /** Content types (lower case, without parameters) of static files, or their type prefixes ending in '/'. */
    private static final List<String> STATIC_TYPES = List.of("text/css", "text/javascript", "application/javascript",
            "application/x-javascript", "application/ecmascript", "application/wasm", "application/manifest+json",
            "application/font-woff", "application/x-font-ttf", "application/vnd.ms-fontobject", "image/", "font/",
            "audio/", "video/");

    private RequestKind() {
    }

    /**
     * Whether a script made the request (fetch or XMLHttpRequest): {@code X-Requested-With: XMLHttpRequest} or
     * {@code Sec-Fetch-Dest: empty}. {@code Sec-Fetch-Mode: cors} alone says nothing of the kind: fonts, module
     * scripts and {@code crossorigin} images load in that mode too, each with its own destination.
     *
     * @param header a header's first value by name, or {@code null}
     */
    public static boolean isAjax(Function<String, String> header) {
        String requestedWith = header.apply("X-Requested-With");
        if (requestedWith != null && requestedWith.equalsIgnoreCase("XMLHttpRequest")) {
            return true;
        }
        return "empty".equals(lower(header.apply("Sec-Fetch-Dest")));
    }

    /** Whether a browser navigates to a page: it accepts HTML and no script made the request. */
    public static boolean isPageNavigation(Function<String, String> header) {
        String accept = lower(header.apply("Accept"));
        boolean wantsHtml = accept != null && accept.contains("text/html")
                || "navigate".equals(lower(header.apply("Sec-Fetch-Mode")));
        return wantsHtml && !isAjax(header);
    }

    /**
     * Whether a response of this content type is a static file: a style sheet, a script, an image, a font, audio
     * or video, WebAssembly or a web app manifest. {@code null} (no body type) is not.
     */
    public static boolean isStaticFile(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = lower(parameters < 0 ? contentType : contentType.substring(0, parameters));
        for (String known : STATIC_TYPES) {
            if (known.endsWith("/") ? type.startsWith(known) : type.equals(known)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
