package dev.debugtoolbar.core.sql;

/**
 * A likely N+1: the same SQL run many times with other parameters from one call site, typically once
 * per row of an earlier result.
 *
 * @param sql        the repeated SQL text
 * @param count      how many times it ran from that call site
 * @param callSite   the call site, or {@code null} when the stacks were not captured
 * @param hint       what to do about it, in one line
 * @param firstIndex the index of its first statement
 */
public record NPlusOne(String sql, int count, String callSite, String hint, int firstIndex) {
}
