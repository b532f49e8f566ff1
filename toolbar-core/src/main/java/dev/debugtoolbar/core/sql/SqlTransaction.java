package dev.debugtoolbar.core.sql;

/**
 * An explicit transaction (auto-commit off) seen during the request.
 *
 * @param id             its id in the request: {@code t1}, {@code t2}, ...
 * @param connectionId   the connection it ran on
 * @param statementCount statements that ran in it
 * @param outcome        {@code commit}, {@code rollback}, or {@code open} when it had not ended by the
 *                       end of the request (or the connection was closed without ending it)
 * @param endMillis      when it ended, in milliseconds since the request began, or {@code null}
 * @param lastIndex      the index of its last statement, or {@code -1} when none ran in it
 */
public record SqlTransaction(String id, String connectionId, int statementCount, String outcome, Double endMillis,
                             int lastIndex) {
}
