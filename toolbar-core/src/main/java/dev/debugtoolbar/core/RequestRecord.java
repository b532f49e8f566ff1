package dev.debugtoolbar.core;

import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.panel.Timing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable result of one recorded request: what the toolbar renders and the JSON API returns.
 *
 * @param id             the request's id
 * @param startedAt      when it began
 * @param method         the HTTP method
 * @param path           the path inside the application, its secrets masked
 * @param query          the raw query string, its secrets masked, or {@code null}
 * @param status         the response status
 * @param durationMillis the wall time of the request
 * @param contentType    the response's content type, or {@code null}
 * @param panels         each panel's result by panel id, in display order; the results of
 *                       {@linkplain dev.debugtoolbar.core.panel.Panel#deferred deferred} panels are made when the
 *                       map is first read
 * @param timings        the panels' {@code Server-Timing} metrics, known when the request ended
 * @param size           the record's estimated size and its budget (see {@link RecordBudget})
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
        Map<String, PanelResult> panels,
        List<Timing> timings,
        Size size) {

    public RequestRecord {
        size = size == null ? Size.UNKNOWN : size;
        panels = panels instanceof DeferredPanels ? panels : Collections.unmodifiableMap(new LinkedHashMap<>(panels));
        timings = List.copyOf(timings);
    }

    /** A record whose size is not known (one not made by the toolbar, such as a test's). */
    public RequestRecord(String id, Instant startedAt, String method, String path, String query, int status,
                         double durationMillis, String contentType, Map<String, PanelResult> panels,
                         List<Timing> timings) {
        this(id, startedAt, method, path, query, status, durationMillis, contentType, panels, timings, Size.UNKNOWN);
    }

    /** A record of panel results known already, with their timings. */
    public RequestRecord(String id, Instant startedAt, String method, String path, String query, int status,
                         double durationMillis, String contentType, Map<String, PanelResult> panels) {
        this(id, startedAt, method, path, query, status, durationMillis, contentType, panels, timingsOf(panels),
                Size.UNKNOWN);
    }

    /** One panel's result. */
    public Optional<PanelResult> panel(String panelId) {
        return Optional.ofNullable(panels.get(panelId));
    }

    private static List<Timing> timingsOf(Map<String, PanelResult> panels) {
        List<Timing> timings = new ArrayList<>();
        panels.values().forEach(panel -> timings.addAll(panel.timings()));
        return timings;
    }

    /**
     * A record's estimated size (see {@link RecordBudget}).
     *
     * @param bytes     the estimated size of the details kept, in bytes
     * @param maxBytes  the record's budget; 0 when not known
     * @param dropped   how many details were dropped because the record had reached its budget
     */
    public record Size(long bytes, long maxBytes, int dropped) {

        /** The size of a record the toolbar did not measure. */
        public static final Size UNKNOWN = new Size(0, 0, 0);
    }
}
