package dev.debugtoolbar.core.timeline;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelinePanelTest {

    private static final RequestContext.Key<TimedEvents> RENDERS = new RequestContext.Key<>("test.renders", TimedEvents.class);

    @Test
    void drawsTheRequestsStatementsAsBarsInStartOrder() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/books"));
        long start = context.startNanos();
        context.sql().record("SELECT 2", start + 5_000_000, 1_000_000, null);
        context.sql().record("SELECT 1", start + 2_000_000, 500_000, "SQLException: no");

        TimelineStats stats = (TimelineStats) toolbar.finish(context, new FakeResponse(200))
                .panel("timeline").orElseThrow().stats();

        assertEquals(List.of("SELECT 1", "SELECT 2"), stats.bars().stream().map(TimelineStats.Bar::label).toList());
        TimelineStats.Bar first = stats.bars().get(0);
        assertEquals(1, first.index(), "its index in the SQL panel");
        assertEquals("sql", first.panelId());
        assertTrue(first.failed());
        assertFalse(stats.bars().get(1).failed());
        assertEquals(2.0, first.startMillis(), 1e-9);
        assertEquals(0.5, first.durationMillis(), 1e-9);
        assertEquals(new TimelineStats.Kind("sql", "SQL", 2, 1.5), stats.kinds().get(0));
        assertTrue(stats.totalMillis() >= 0);
    }

    @Test
    void takesAnyKindOfTimedEventsFromOneMoreSource() {
        TimelinePanel panel = new TimelinePanel(List.of(
                new TimelineSource("sql", "SQL", "sql", RequestContext::sql),
                new TimelineSource("template", "Templates", "templates", context -> context.get(RENDERS))));
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/"));
        context.put(RENDERS, () -> List.of(new TimedEvent("books/list", 0.5, 4.0, false)));

        TimelineStats stats = panel.onRequestEnd(context);

        assertEquals(1, stats.bars().size());
        assertEquals("template", stats.bars().get(0).kind());
        assertEquals("templates", stats.bars().get(0).panelId());
        assertEquals(List.of("sql", "template"), stats.kinds().stream().map(TimelineStats.Kind::kind).toList());
    }

    @Test
    void drawsAtMostTheLimitAndCountsTheRest() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).maxStatements(TimelinePanel.MAX_BARS + 10).build();
        RequestContext context = toolbar.start(new FakeRequest("/"));
        for (int i = 0; i < TimelinePanel.MAX_BARS + 10; i++) {
            context.sql().record("SELECT " + i, context.startNanos() + i, 1, null);
        }

        TimelineStats stats = new TimelinePanel(List.of(new TimelineSource("sql", "SQL", "sql", RequestContext::sql)))
                .onRequestEnd(context);

        assertEquals(TimelinePanel.MAX_BARS, stats.bars().size());
        assertEquals(10, stats.droppedCount());
        assertEquals(TimelinePanel.MAX_BARS + 10, stats.kinds().get(0).count());
    }

    @Test
    void placesBarsInPercentOfTheRequestAndKeepsShortOnesVisible() {
        TimelineStats stats = new TimelineStats(200, List.of(), List.of(), 0);
        TimelineStats.Bar bar = new TimelineStats.Bar("sql", "sql", 0, "SELECT 1", 50, 0.001, false);

        assertEquals(25.0, stats.percent(bar.startMillis()), 1e-9);
        assertEquals(0.3, stats.widthPercent(bar), 1e-9);
        assertEquals(100.0, stats.percent(500), 1e-9);
    }

    @Test
    void rejectsAKindThatCouldNotBeACssClass() {
        assertThrows(IllegalArgumentException.class,
                () -> new TimelineSource("SQL queries", "SQL", "sql", RequestContext::sql));
    }
}
