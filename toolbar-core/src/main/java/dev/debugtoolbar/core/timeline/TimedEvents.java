package dev.debugtoolbar.core.timeline;

import java.util.List;

/**
 * A per-request log whose entries the Timeline can draw, such as the SQL log. The position of an event in
 * the list is its index in the owning panel, so that a click on its bar can open that panel at it.
 */
@FunctionalInterface
public interface TimedEvents {

    /** The events recorded so far, in the order of the owning panel. */
    List<TimedEvent> timedEvents();
}
