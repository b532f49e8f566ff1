package dev.debugtoolbar.core.timeline;

import java.util.List;

/**
 * What the Timeline panel shows: every timed event of the request on one time axis.
 *
 * @param totalMillis  the request's wall time: the length of the axis
 * @param kinds        one entry per kind of event, for the legend
 * @param bars         the events by start time
 * @param droppedCount events beyond the panel's limit, counted but not drawn
 */
public record TimelineStats(double totalMillis, List<Kind> kinds, List<Bar> bars, int droppedCount) {

    public TimelineStats {
        kinds = List.copyOf(kinds);
        bars = List.copyOf(bars);
    }

    /** Where a moment lies on the axis, in percent of its length (0 to 100). */
    public double percent(double millis) {
        if (totalMillis <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(100, millis * 100 / totalMillis));
    }

    /** How wide a bar is drawn, in percent of the axis: at least a sliver, so that short events show. */
    public double widthPercent(Bar bar) {
        double start = percent(bar.startMillis());
        return Math.max(0.3, Math.min(100 - start, percent(bar.durationMillis())));
    }

    /**
     * One kind of event in the legend.
     *
     * @param kind        its short name
     * @param title       its title
     * @param count       how many of its events there are (drawn or not)
     * @param totalMillis the time they took together
     */
    public record Kind(String kind, String title, int count, double totalMillis) {
    }

    /**
     * One event as a bar.
     *
     * @param kind           its kind
     * @param panelId        the panel that lists it
     * @param index          its index in that panel
     * @param label          what it was
     * @param startMillis    when it started, since the request began
     * @param durationMillis how long it took
     * @param failed         whether it failed
     */
    public record Bar(String kind, String panelId, int index, String label, double startMillis,
                      double durationMillis, boolean failed) {
    }
}
