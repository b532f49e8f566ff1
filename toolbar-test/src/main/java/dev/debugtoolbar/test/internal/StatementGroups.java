package dev.debugtoolbar.test.internal;

import dev.debugtoolbar.core.sql.QueryEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the repeated statements of one request: the one place the budget checks take their analysis from.
 * It is computed here from the recorded statements, by SQL text; once the SQL panel reports its own duplicate
 * and N+1 analysis (with call sites), this is where the checks switch to reading it, unchanged otherwise.
 */
public final class StatementGroups {

    private StatementGroups() {
    }

    /**
     * Statements that ran with one SQL text, in order of first appearance.
     *
     * @param sql        the SQL text they share
     * @param statements the statements, in order
     */
    public record Group(String sql, List<QueryEvent> statements) {
        /** Copies the statements. */
        public Group {
            statements = List.copyOf(statements);
        }

        /** How many statements the group holds. */
        public int size() {
            return statements.size();
        }
    }

    /**
     * N+1 candidates: one SQL text that ran at least {@code minRepeats} times (typically once per row of an
     * earlier result), largest group first.
     */
    public static List<Group> nPlusOne(List<QueryEvent> statements, int minRepeats) {
        return groups(statements, QueryEvent::sql, minRepeats);
    }

    /** Duplicates: the same SQL text with the same parameters (and batch), run more than once; largest first. */
    public static List<Group> duplicates(List<QueryEvent> statements) {
        return groups(statements, statement -> List.of(statement.sql(), String.valueOf(statement.params()),
                String.valueOf(statement.batch())), 2);
    }

    /** Groups by SQL text, largest first: for listing what a request repeated. */
    public static List<Group> bySql(List<QueryEvent> statements) {
        return groups(statements, QueryEvent::sql, 1);
    }

    private static List<Group> groups(List<QueryEvent> statements, Function<QueryEvent, Object> key, int minSize) {
        Map<Object, List<QueryEvent>> byKey = new LinkedHashMap<>();
        for (QueryEvent statement : statements) {
            byKey.computeIfAbsent(key.apply(statement), k -> new ArrayList<>()).add(statement);
        }
        return byKey.values().stream()
                .filter(group -> group.size() >= minSize)
                .map(group -> new Group(group.get(0).sql(), group))
                .sorted(Comparator.comparingInt(Group::size).reversed())
                .toList();
    }
}
