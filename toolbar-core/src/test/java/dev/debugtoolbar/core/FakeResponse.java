package dev.debugtoolbar.core;

import java.util.List;
import java.util.Map;

/** A response with a status and nothing else. */
public record FakeResponse(int status) implements ResponseView {

    public String contentType() { return "text/html"; }
    public Map<String, List<String>> headers() { return Map.of(); }
}
