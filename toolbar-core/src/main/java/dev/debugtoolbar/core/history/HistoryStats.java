package dev.debugtoolbar.core.history;

/**
 * What the History panel knows of the request itself; the list of recent requests is read from the store
 * when the panel is shown, so that it is always current.
 *
 * @param ajax whether a script made this request (fetch or XHR) rather than a page navigation
 */
public record HistoryStats(boolean ajax) {
}
