package dev.debugtoolbar.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debugtoolbar.core.sql.QueryEvent;
import dev.debugtoolbar.test.internal.Explain;
import dev.debugtoolbar.test.internal.Json;
import dev.debugtoolbar.test.internal.ObservedRequest;
import dev.debugtoolbar.test.internal.StatementGroups;

import java.util.ArrayList;
import java.util.List;

/**
 * The toolbar's record of one request, with query-budget assertions. Each assertion returns this record, so
 * they chain; each failure is an {@link AssertionError} whose message names the request and lists the
 * offending statements (SQL on one line, position among the request's statements, time, parameters).
 */
public final class RecordedRequest {

    /** A statement that runs this many times or more in one request is an N+1 candidate by default. */
    public static final int DEFAULT_N_PLUS_ONE_REPEATS = 5;

    private final ObservedRequest request;

    RecordedRequest(ObservedRequest request) {
        this.request = request;
    }

    /** The request's id, as in its {@code X-Debug-Toolbar-Id} header. */
    public String id() {
        return request.id();
    }

    /** The SQL statements the request ran (those kept: a toolbar keeps up to 5,000 per request). */
    public List<QueryEvent> statements() {
        JsonNode queries = panel("sql", "list its SQL statements").path("queries");
        List<QueryEvent> statements = new ArrayList<>(queries.size());
        for (JsonNode query : queries) {
            statements.add(Json.MAPPER.convertValue(query, QueryEvent.class));
        }
        return statements;
    }

    /** Fails unless the request ran at most {@code max} SQL statements; the message lists them all. */
    public RecordedRequest assertAtMostStatements(int max) {
        int count = panel("sql", "count its SQL statements").path("queryCount").asInt();
        if (count > max) {
            List<QueryEvent> statements = statements();
            List<StatementGroups.Group> repeated = StatementGroups.bySql(statements).stream()
                    .filter(group -> group.size() > 1).toList();
            StringBuilder message = new StringBuilder(request.describe()).append(" ran ").append(count)
                    .append(count == 1 ? " SQL statement" : " SQL statements").append("; the budget is at most ")
                    .append(max).append('.');
            if (!repeated.isEmpty()) {
                message.append("\nRepeated:");
                repeated.forEach(group -> message.append(Explain.group(group)));
            }
            message.append("\nStatements:").append(Explain.statements(statements));
            if (statements.size() < count) {
                message.append("\n  (").append(count - statements.size()).append(" more were counted, not kept)");
            }
            throw new AssertionError(message.toString());
        }
        return this;
    }

    /** Fails if one SQL text ran {@value #DEFAULT_N_PLUS_ONE_REPEATS} times or more: the N+1 pattern. */
    public RecordedRequest assertNoNPlusOne() {
        return assertNoNPlusOne(DEFAULT_N_PLUS_ONE_REPEATS);
    }

    /** Fails if one SQL text ran {@code minRepeats} times or more (at least 2): the N+1 pattern. */
    public RecordedRequest assertNoNPlusOne(int minRepeats) {
        if (minRepeats < 2) {
            throw new IllegalArgumentException("minRepeats must be at least 2, was " + minRepeats);
        }
        List<StatementGroups.Group> groups = StatementGroups.nPlusOne(statements(), minRepeats);
        if (!groups.isEmpty()) {
            StringBuilder message = new StringBuilder(request.describe())
                    .append(" has the N+1 pattern: the same SQL ran again and again (").append(minRepeats)
                    .append(" times or more), typically once per row of an earlier result:");
            groups.forEach(group -> message.append(Explain.group(group)));
            message.append("\nLoad those rows at once instead: join them into the first query, or fetch them"
                    + " with one WHERE ... IN (...) query.");
            throw new AssertionError(message.toString());
        }
        return this;
    }

    /** Fails if a SQL statement ran more than once with the same parameters. */
    public RecordedRequest assertNoDuplicates() {
        List<StatementGroups.Group> groups = StatementGroups.duplicates(statements());
        if (!groups.isEmpty()) {
            StringBuilder message = new StringBuilder(request.describe()).append(" ran ").append(groups.size())
                    .append(groups.size() == 1 ? " statement" : " statements")
                    .append(" more than once with the same parameters:");
            groups.forEach(group -> message.append(Explain.group(group)));
            message.append("\nRun each once and reuse its result.");
            throw new AssertionError(message.toString());
        }
        return this;
    }

    /**
     * Fails unless the request missed the cache at most {@code max} times, as the toolbar's cache panel
     * recorded; fails with an explanation when the record has no cache panel.
     */
    public RecordedRequest assertAtMostCacheMisses(int max) {
        JsonNode cache = panel("cache", "count its cache misses");
        int misses = cache.path("misses").asInt();
        if (misses > max) {
            StringBuilder message = new StringBuilder(request.describe()).append(" missed the cache ")
                    .append(misses).append(misses == 1 ? " time" : " times").append("; the budget is at most ")
                    .append(max).append('.').append("\nMisses:");
            for (JsonNode call : cache.path("calls")) {
                if (!call.path("hit").asBoolean(true)) {
                    message.append("\n  ").append(call.path("op").asText()).append(' ')
                            .append(call.path("cache").asText()).append(" key ").append(call.path("key").asText());
                }
            }
            throw new AssertionError(message.toString());
        }
        return this;
    }

    /** The stats of panel {@code id}, or a failure that says why the check cannot be made. */
    private JsonNode panel(String id, String purpose) {
        ObservedRequest.PanelState state = request.panels().get(id);
        if (state == null) {
            throw new AssertionError("Cannot " + purpose + ": the record of " + request.describe() + " has no '" + id
                    + "' panel. This toolbar has none (its panels: " + request.panels().keySet() + ").");
        }
        if (state.stats() == null) {
            throw new AssertionError("Cannot " + purpose + ": the '" + id + "' panel of " + request.describe() + " "
                    + state.unavailable() + ".");
        }
        return state.stats();
    }

    @Override
    public String toString() {
        return request.describe();
    }
}
