package dev.debugtoolbar.core.headers;

import dev.debugtoolbar.core.request.RequestStats;

import java.util.List;

/**
 * What the Headers panel shows; values of sensitive headers are masked.
 *
 * @param requestHeaders  the request's headers, one entry per value
 * @param responseHeaders the response's headers as the application set them, one entry per value
 */
public record HeadersStats(List<RequestStats.Entry> requestHeaders, List<RequestStats.Entry> responseHeaders) {

    public HeadersStats {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }
}
