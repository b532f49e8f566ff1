package dev.debugtoolbar.core.template;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.timeline.TimedEvents;
import dev.debugtoolbar.core.panel.Timing;

import java.util.List;

/** The built-in Templates panel: the tree of templates and fragments the request rendered, with times. */
public final class TemplatesPanel implements Panel<TemplateStats> {

    private final int maxTemplates;
    private final Masking masking;
    private volatile boolean instrumented;

    /** A panel that keeps at most {@code maxTemplates} templates per request and masks variables with {@code masking}. */
    public TemplatesPanel(int maxTemplates, Masking masking) {
        this.maxTemplates = maxTemplates;
        this.masking = masking;
    }

    @Override
    public String id() {
        return "templates";
    }

    @Override
    public String title() {
        return "Templates";
    }

    @Override
    public void onRequestStart(RequestContext context) {
        context.put(TemplateLog.KEY, new TemplateLog(context.startNanos(), maxTemplates, masking, context.budget()));
    }

    /** The request's template renders as Timeline bars, in this panel's order. */
    public static TimedEvents timedEvents(RequestContext context) {
        TemplateLog log = context.get(TemplateLog.KEY);
        if (log == null) {
            return List::of;
        }
        return () -> log.timedEvents(System.nanoTime());
    }

    @Override
    public TemplateStats onRequestEnd(RequestContext context) {
        TemplateLog log = context.get(TemplateLog.KEY);
        if (log == null) {
            return new TemplateStats(0, 0, 0, List.of(), instrumented);
        }
        List<TemplateEvent> templates = log.events(System.nanoTime());
        double total = 0;
        for (TemplateEvent template : templates) {
            if (template.depth() == 0) {
                total += template.durationMillis();
            }
        }
        int dropped = log.dropped();
        return new TemplateStats(templates.size() + dropped, total, dropped, templates, instrumented);
    }

    /** Notes that a template engine now records for this panel's toolbar. */
    void instrumented() {
        instrumented = true;
    }

    @Override
    public String subtitle(TemplateStats stats) {
        if (!stats.instrumented()) {
            return "not instrumented";
        }
        return Text.count(stats.templateCount(), "template", "templates") + " in " + Text.millis(stats.totalMillis());
    }

    @Override
    public List<Timing> timings(TemplateStats stats) {
        if (stats.templateCount() == 0) {
            return List.of();
        }
        return List.of(new Timing("tpl", stats.totalMillis(),
                "Templates (" + Text.count(stats.templateCount(), "template", "templates") + ")"));
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/templates.html";
    }
}
