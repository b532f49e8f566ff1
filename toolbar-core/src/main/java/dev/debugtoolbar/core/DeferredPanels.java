package dev.debugtoolbar.core;

import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.panel.PanelResult;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A record's panel results, in display order, where those of {@linkplain Panel#deferred deferred} panels are
 * made when the map is first read: once, on the reading thread, from the detached context of the ended request.
 * Until then the record holds that context's facts; afterwards only the results. Unmodifiable.
 */
final class DeferredPanels extends AbstractMap<String, PanelResult> {

    private final List<Panel<?>> panels;
    private final BiFunction<Panel<?>, RequestContext, PanelResult> collect;
    private Map<String, PanelResult> known;
    private RequestContext detached;
    private volatile Map<String, PanelResult> results;

    /**
     * {@code known}: the results made as the request ended; the other {@code panels} wait for the first read, when
     * {@code collect} makes them.
     */
    DeferredPanels(List<Panel<?>> panels, Map<String, PanelResult> known, RequestContext detached,
                   BiFunction<Panel<?>, RequestContext, PanelResult> collect) {
        this.panels = List.copyOf(panels);
        this.collect = collect;
        this.known = known;
        this.detached = detached;
    }

    @Override
    public Set<Entry<String, PanelResult>> entrySet() {
        return results().entrySet();
    }

    @Override
    public PanelResult get(Object id) {
        return results().get(id);
    }

    @Override
    public boolean containsKey(Object id) {
        return results().containsKey(id);
    }

    @Override
    public int size() {
        return panels.size();
    }

    private Map<String, PanelResult> results() {
        Map<String, PanelResult> made = results;
        if (made == null) {
            synchronized (this) {
                made = results;
                if (made == null) {
                    Map<String, PanelResult> all = new LinkedHashMap<>();
                    for (Panel<?> panel : panels) {
                        PanelResult result = known.get(panel.id());
                        all.put(panel.id(), result != null ? result : collect.apply(panel, detached));
                    }
                    made = Collections.unmodifiableMap(all);
                    results = made;
                    known = null;
                    detached = null;
                }
            }
        }
        return made;
    }
}
