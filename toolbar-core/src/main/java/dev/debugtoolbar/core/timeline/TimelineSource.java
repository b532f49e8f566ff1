package dev.debugtoolbar.core.timeline;

import dev.debugtoolbar.core.RequestContext;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One kind of bar on the Timeline and where a request's events of that kind are found. Adding a kind is
 * one line in the list given to {@link TimelinePanel}, for example
 * {@code new TimelineSource("sql", "SQL", "sql", RequestContext::sql)}.
 *
 * @param kind    a short lower-case name, used for the bars' colour: {@code sql}, {@code template}, {@code cache}
 * @param title   the name shown in the legend, for example {@code SQL}
 * @param panelId the panel that lists these events; a click on a bar opens it at the event
 * @param events  the request's events of this kind
 */
public record TimelineSource(String kind, String title, String panelId,
                             Function<RequestContext, ? extends TimedEvents> events) {

    private static final Pattern KIND = Pattern.compile("[a-z0-9-]+");

    public TimelineSource {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a timeline kind is lower-case letters, digits and '-', was: " + kind);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(panelId, "panelId");
        Objects.requireNonNull(events, "events");
    }
}
