package dev.debugtoolbar.core.sql;

import java.util.List;

/**
 * One statement execution, as recorded.
 *
 * @param index          its position among the request's statements, from 0
 * @param sql            the SQL text as sent to the driver
 * @param params         the bound parameters in order, as text ({@code null} for SQL NULL); the first
 *                       entry of a batch
 * @param batch          every entry's parameters when the statement ran as a batch of more than one, else empty
 * @param startMillis    when it started, in milliseconds since the request began
 * @param durationMillis how long the driver took
 * @param rows           rows changed by an update or batch, or {@code null} where not known cheaply
 * @param connectionId   the connection it ran on
 * @param error          the failure's type and message, or {@code null} when it succeeded
 */
public record QueryEvent(
        int index,
        String sql,
        List<String> params,
        List<List<String>> batch,
        double startMillis,
        double durationMillis,
        Integer rows,
        String connectionId,
        String error) {
}
