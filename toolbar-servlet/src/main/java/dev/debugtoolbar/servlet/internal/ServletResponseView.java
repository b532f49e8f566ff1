package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.ResponseView;
import jakarta.servlet.http.HttpServletResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ResponseView} of a servlet response when the request ends.
 *
 * @param status      the status the client gets (500 when an exception escaped the application)
 * @param contentType the content type
 * @param headers     the headers known at the end
 */
public record ServletResponseView(int status, String contentType, Map<String, List<String>> headers)
        implements ResponseView {

    /** A snapshot of {@code response}, with {@code status} as the status. */
    public static ServletResponseView of(HttpServletResponse response, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, List.copyOf(response.getHeaders(name)));
        }
        return new ServletResponseView(status, response.getContentType(), headers);
    }
}
