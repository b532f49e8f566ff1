package dev.debugtoolbar.core.template;

import dev.debugtoolbar.core.request.RequestStats;

import java.util.List;

/**
 * One template or fragment rendered during the request; together they form a tree in depth-first order.
 *
 * @param index          its position among the request's kept templates, from 0
 * @param name           the template's name, for example {@code books/list} or {@code layout}
 * @param selector       the fragment selector, for example {@code site-header}, or {@code null} for a whole template
 * @param depth          0 for a template the application rendered, 1 for a fragment it inserted, and so on
 * @param parent         the index of the template that inserted it, or {@code null} at depth 0
 * @param startMillis    when its rendering started, in milliseconds since the request began
 * @param durationMillis how long it took, its fragments included
 * @param ownMillis      how long it took without its fragments
 * @param resource       where it was resolved from, for example {@code templates/layout.html}, or {@code null}
 * @param mode           its template mode, for example {@code HTML}
 * @param finished       {@code false} when its rendering did not end (it failed); times then run to the request's end
 * @param variables      the model of a template at depth 0, the parameters of a fragment; values as short
 *                       previews, masked where the name looks secret
 * @param variablesOmitted how many more variables it had, counted but not kept, to keep the record small
 */
public record TemplateEvent(
        int index,
        String name,
        String selector,
        int depth,
        Integer parent,
        double startMillis,
        double durationMillis,
        double ownMillis,
        String resource,
        String mode,
        boolean finished,
        List<RequestStats.Entry> variables,
        int variablesOmitted) {

    public TemplateEvent {
        variables = List.copyOf(variables);
    }

    /** A template whose variables were all kept. */
    public TemplateEvent(int index, String name, String selector, int depth, Integer parent, double startMillis,
                         double durationMillis, double ownMillis, String resource, String mode, boolean finished,
                         List<RequestStats.Entry> variables) {
        this(index, name, selector, depth, parent, startMillis, durationMillis, ownMillis, resource, mode, finished,
                variables, 0);
    }
}
