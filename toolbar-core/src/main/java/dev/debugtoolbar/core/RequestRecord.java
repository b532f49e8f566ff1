package dev.debugtoolbar.core;

import dev.debugtoolbar.core.panel.PanelResult;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable result of one recorded request: what the toolbar renders and the JSON API returns.
 *
 * @param id             the request's id
 * @param startedAt      when it began
 * @param method         the HTTP method
 * @param path           the path inside the application
 * @param query          the raw query string, or {@code null}
 * @param status         the response status
 * @param durationMillis the wall time of the request
 * @param contentType    the response's content type, or {@code null}
 * @param panels         each panel's result by panel id, in display order
 */
public record RequestRecord(
        String id,
        Instant startedAt,
        String method,
        String path,
        String query,
        int status,
        double durationMillis,
        String contentType,
        Map<String, PanelResult> panels) {

    public RequestRecord {
        panels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(panels));
    }

    /** One panel's result. */
    public Optional<PanelResult> panel(String panelId) {
        return Optional.ofNullable(panels.get(panelId));
    }
}
