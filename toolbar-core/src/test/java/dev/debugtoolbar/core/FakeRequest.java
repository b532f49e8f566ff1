package dev.debugtoolbar.core;

import java.util.List;
import java.util.Map;

/** A request view with a path and query and nothing else. */
public record FakeRequest(String target) implements RequestView {

    public String method() { return "GET"; }
    public String url() { return "http://localhost" + path(); }
    public String path() { return target.contains("?") ? target.substring(0, target.indexOf('?')) : target; }
    public String query() { return target.contains("?") ? target.substring(target.indexOf('?') + 1) : null; }
    public String remoteAddress() { return "127.0.0.1"; }
    public Map<String, List<String>> queryParameters() { return Map.of(); }
    public Map<String, List<String>> formParameters() { return Map.of(); }
    public Map<String, List<String>> headers() { return Map.of("Accept", List.of("text/html")); }
    public Map<String, String> cookies() { return Map.of(); }
    public Map<String, Object> sessionAttributes() { return Map.of(); }
}
