package dev.debugtoolbar.core.template;

import java.util.List;

/**
 * What the Templates panel shows for one request.
 *
 * @param templateCount templates and fragments rendered (kept and dropped)
 * @param totalMillis   time spent rendering: the sum over the templates at depth 0
 * @param droppedCount  templates beyond the per-request limit, counted but not kept
 * @param templates     the kept templates, depth first: each one followed by the fragments it inserted
 * @param instrumented  whether a template engine records for the toolbar ({@link ThymeleafRecorder#instrument});
 *                      when none does, no template could be seen
 */
public record TemplateStats(int templateCount, double totalMillis, int droppedCount, List<TemplateEvent> templates,
                            boolean instrumented) {

    public TemplateStats {
        templates = List.copyOf(templates);
    }
}
