/**
 * The Timeline panel: one picture of the request on a single time axis. A per-request log takes part by
 * implementing {@link dev.debugtoolbar.core.timeline.TimedEvents} (as the SQL log does) and being named by
 * a {@link dev.debugtoolbar.core.timeline.TimelineSource} in the built-in panel list; the Timeline knows
 * nothing else about SQL, templates or caches.
 */
package dev.debugtoolbar.core.timeline;
