package dev.debugtoolbar.core.request;

import java.util.List;

/**
 * What the Request panel shows. Values of sensitive names are already masked.
 *
 * @param method            the HTTP method
 * @param url               the URL without the query string, its secrets masked
 * @param query             the raw query string, its secrets masked, or {@code null}
 * @param remoteAddress     the client's address
 * @param queryParameters   parameters from the query string
 * @param formParameters    parameters from a form body
 * @param cookies           the request's cookies
 * @param sessionAttributes the session's attributes, empty without a session
 * @param omittedEntries    how many parameters, cookies and session attributes were counted but not kept, to
 *                          keep the record small
 */
public record RequestStats(
        String method,
        String url,
        String query,
        String remoteAddress,
        List<Entry> queryParameters,
        List<Entry> formParameters,
        List<Entry> cookies,
        List<Entry> sessionAttributes,
        int omittedEntries) {

    /** What the panel shows when it kept every entry. */
    public RequestStats(String method, String url, String query, String remoteAddress, List<Entry> queryParameters,
                        List<Entry> formParameters, List<Entry> cookies, List<Entry> sessionAttributes) {
        this(method, url, query, remoteAddress, queryParameters, formParameters, cookies, sessionAttributes, 0);
    }

    public RequestStats {
        queryParameters = List.copyOf(queryParameters);
        formParameters = List.copyOf(formParameters);
        cookies = List.copyOf(cookies);
        sessionAttributes = List.copyOf(sessionAttributes);
    }

    /**
     * One name with its value as text.
     *
     * @param name   the name
     * @param value  the value's text (a preview for objects), or a mask
     * @param type   the value's Java type for session attributes, else {@code null}
     * @param masked whether the value was hidden because the name looks secret
     */
    public record Entry(String name, String value, String type, boolean masked) {
    }
}
