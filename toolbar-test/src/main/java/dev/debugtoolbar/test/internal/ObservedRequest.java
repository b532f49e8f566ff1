package dev.debugtoolbar.test.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.panel.PanelResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the budget checks read of one recorded request, however it was fetched: its summary and each panel's
 * stats as the JSON the toolbar's API serves (the stable contract), or why a panel has none.
 *
 * @param id     the request's id
 * @param method the HTTP method
 * @param path   the path inside the application
 * @param query  the query string, or {@code null}
 * @param panels each panel's state by panel id
 */
public record ObservedRequest(String id, String method, String path, String query, Map<String, PanelState> panels) {

    /** Copies the panels. */
    public ObservedRequest {
        panels = Map.copyOf(panels);
    }

    /**
     * One panel's outcome for the request.
     *
     * @param stats       its stats as JSON, or {@code null} when it has none
     * @param unavailable why it has none (switched off, failed), or {@code null}
     */
    public record PanelState(JsonNode stats, String unavailable) {
    }

    /** The record as this process's toolbar keeps it. */
    public static ObservedRequest of(RequestRecord record) {
        Map<String, PanelState> panels = new LinkedHashMap<>();
        for (PanelResult result : record.panels().values()) {
            panels.put(result.id(), result.disabled() ? switchedOff()
                    : result.failed() ? failed(result.error().message())
                    : new PanelState(Json.MAPPER.valueToTree(result.stats()), null));
        }
        return new ObservedRequest(record.id(), record.method(), record.path(), record.query(), panels);
    }

    /** The record as the toolbar's JSON API serves it ({@code GET <prefix>/api/requests/<id>}). */
    public static ObservedRequest of(JsonNode record) {
        Map<String, PanelState> panels = new LinkedHashMap<>();
        record.path("panels").fields().forEachRemaining(panel -> panels.put(panel.getKey(), state(panel.getValue())));
        return new ObservedRequest(record.path("id").asText(), record.path("method").asText(),
                record.path("path").asText(), record.path("query").isTextual() ? record.path("query").asText() : null,
                panels);
    }

    private static PanelState state(JsonNode panel) {
        if (panel.size() == 1 && panel.path("disabled").asBoolean(false)) {
            return switchedOff();
        }
        if (panel.size() == 1 && panel.path("error").has("message")) {
            return failed(panel.path("error").path("message").asText());
        }
        return new PanelState(panel, null);
    }

    private static PanelState switchedOff() {
        return new PanelState(null, "was switched off for this request (in the toolbar; the cookie tb-off)");
    }

    private static PanelState failed(String message) {
        return new PanelState(null, "failed for this request: " + message);
    }

    /** How messages name the request: {@code GET /books?page=2 (request f3Qp...)}. */
    public String describe() {
        return method + " " + path + (query == null || query.isEmpty() ? "" : "?" + query) + " (request " + id + ")";
    }
}
