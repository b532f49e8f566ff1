package dev.debugtoolbar.core.history;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.RequestKind;
import dev.debugtoolbar.core.panel.Panel;

/**
 * The built-in History panel: the recent requests (fetch and XHR calls included, marked as such), any of which
 * the toolbar can switch to; following the page's own calls live is an option in the panel.
 */
public final class HistoryPanel implements Panel<HistoryStats> {

    @Override
    public String id() {
        return "history";
    }

    @Override
    public String title() {
        return "History";
    }

    /** Its stats wait for the record's first reading: it reads a header kept in the context. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public HistoryStats onRequestEnd(RequestContext context) {
        return new HistoryStats(RequestKind.isAjax(context.request()::header));
    }

    @Override
    public String subtitle(HistoryStats stats) {
        return stats.ajax() ? "this request: fetch/XHR" : "recent requests";
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/history.html";
    }
}
