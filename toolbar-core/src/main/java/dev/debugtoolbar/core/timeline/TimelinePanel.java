package dev.debugtoolbar.core.timeline;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in Timeline panel: the request as a waterfall on one time axis, with a bar for each timed event
 * of every {@link TimelineSource} (SQL statements, template renders, cache calls), coloured by kind.
 */
public final class TimelinePanel implements Panel<TimelineStats> {

    /** Bars drawn at most; a request with more events gets the first ones by start time and a count. */
    static final int MAX_BARS = 2_000;
    private static final int MAX_LABEL_CHARS = 300;

    private final List<TimelineSource> sources;

    /** A timeline of the events these sources find in each request. */
    public TimelinePanel(List<TimelineSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public String id() {
        return "timeline";
    }

    @Override
    public String title() {
        return "Timeline";
    }

    /** Its stats wait for the record's first reading: it reads only what the request left in its context. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public TimelineStats onRequestEnd(RequestContext context) {
        List<TimelineStats.Kind> kinds = new ArrayList<>();
        List<TimelineStats.Bar> bars = new ArrayList<>();
        for (TimelineSource source : sources) {
            List<TimedEvent> events = source.events().apply(context).timedEvents();
            double total = 0;
            for (int index = 0; index < events.size(); index++) {
                TimedEvent event = events.get(index);
                total += event.durationMillis();
                bars.add(new TimelineStats.Bar(source.kind(), source.panelId(), index,
                        Text.cut(event.label(), MAX_LABEL_CHARS), event.startMillis(), event.durationMillis(),
                        event.failed()));
            }
            kinds.add(new TimelineStats.Kind(source.kind(), source.title(), events.size(), total));
        }
        bars.sort(Comparator.comparingDouble(TimelineStats.Bar::startMillis));
        int dropped = Math.max(0, bars.size() - MAX_BARS);
        List<TimelineStats.Bar> drawn = dropped == 0 ? bars : bars.subList(0, MAX_BARS);
        return new TimelineStats(context.durationMillis(), kinds, drawn, dropped);
    }

    @Override
    public String subtitle(TimelineStats stats) {
        return Text.count(stats.bars().size() + stats.droppedCount(), "event", "events") + " in "
                + Text.millis(stats.totalMillis());
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/timeline.html";
    }
}
