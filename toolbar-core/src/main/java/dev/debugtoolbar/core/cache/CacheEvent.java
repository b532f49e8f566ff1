package dev.debugtoolbar.core.cache;

/**
 * One cache call, as recorded.
 *
 * @param index          its position among the request's kept calls, from 0
 * @param cache          the cache's name
 * @param op             the operation, for example {@code get} or {@code putIfAbsent}
 * @param key            a short, safe preview of the key (or of the keys of a bulk call), or {@code null}
 * @param hit            whether the entry was there, for calls whose result tells; {@code null} for others
 *                       (a plain {@code put}, {@code clear}); a bulk read is a hit only if every key was found
 * @param startMillis    when it started, in milliseconds since the request began
 * @param durationMillis how long the cache took
 * @param callSite       the application frame that made the call, or {@code null} when none was found
 * @param error          the failure's type and message when the call threw, else {@code null}
 */
public record CacheEvent(
        int index,
        String cache,
        String op,
        String key,
        Boolean hit,
        double startMillis,
        double durationMillis,
        String callSite,
        String error) {
}
