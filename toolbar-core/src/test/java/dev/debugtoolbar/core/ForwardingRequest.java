package dev.debugtoolbar.core;

import java.util.List;
import java.util.Map;

/** A request view that answers as {@code request} does; tests override the one method they change. */
public class ForwardingRequest implements RequestView {

    private final RequestView request;

    public ForwardingRequest(RequestView request) {
        this.request = request;
    }

    public String method() { return request.method(); }
    public String url() { return request.url(); }
    public String path() { return request.path(); }
    public String query() { return request.query(); }
    public String remoteAddress() { return request.remoteAddress(); }
    public Map<String, List<String>> queryParameters() { return request.queryParameters(); }
    public Map<String, List<String>> formParameters() { return request.formParameters(); }
    public Map<String, List<String>> headers() { return request.headers(); }
    public Map<String, String> cookies() { return request.cookies(); }
    public Map<String, Object> sessionAttributes() { return request.sessionAttributes(); }
    public HostInfo host() { return request.host(); }
}
