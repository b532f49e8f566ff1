package dev.debugtoolbar.benchmarks;

import dev.debugtoolbar.core.RequestView;
import dev.debugtoolbar.core.ResponseView;
import java.util.List;
import java.util.Map;

/** The request and response the in-process benchmarks record: a plain {@code GET /books} answered 200 with HTML. */
final class FixedRequest {

    static final RequestView REQUEST = new RequestView() {
        public String method() { return "GET"; }
        public String url() { return "http://localhost/books"; }
        public String path() { return "/books"; }
        public String query() { return null; }
        public String remoteAddress() { return "127.0.0.1"; }
        public Map<String, List<String>> queryParameters() { return Map.of(); }
        public Map<String, List<String>> formParameters() { return Map.of(); }
        public Map<String, List<String>> headers() { return Map.of(); }
        public Map<String, String> cookies() { return Map.of(); }
        public Map<String, Object> sessionAttributes() { return Map.of(); }
    };

    static final ResponseView RESPONSE = new ResponseView() {
        public int status() { return 200; }
        public String contentType() { return "text/html"; }
        public Map<String, List<String>> headers() { return Map.of(); }
    };

    private FixedRequest() {
    }
}
