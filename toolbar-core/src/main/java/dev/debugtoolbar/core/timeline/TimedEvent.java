package dev.debugtoolbar.core.timeline;

/**
 * One piece of work of a request as the Timeline draws it: a bar at its start with its duration.
 *
 * @param label          one line that says what it was: the SQL, a template's name, a cache call
 * @param startMillis    when it started, in milliseconds since the request began
 * @param durationMillis how long it took
 * @param failed         whether it failed (drawn as an error)
 */
public record TimedEvent(String label, double startMillis, double durationMillis, boolean failed) {
}
