package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Text;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Records each statement run while a request is bound into that request's {@link SqlLog}, unless the user
 * switched the SQL panel off for it. Statements on threads with no bound request cost one thread-local read.
 * Never throws into the application.
 */
public final class SqlRecorder implements QueryExecutionListener {

    private static final String START_NANOS = "debugtoolbar.startNanos";
    private static final System.Logger LOG = System.getLogger(SqlRecorder.class.getName());

    private final DebugToolbar toolbar;

    private SqlRecorder(DebugToolbar toolbar) {
        this.toolbar = toolbar;
    }

    /** A data source that records into {@code toolbar}'s current request. */
    public static DataSource wrap(DataSource dataSource, DebugToolbar toolbar) {
        return ProxyDataSourceBuilder.create(dataSource)
                .name("debugtoolbar")
                .listener(new SqlRecorder(toolbar))
                .build();
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        RequestContext context = toolbar.current().orElse(null);
        if (context != null && context.isPanelEnabled(SqlPanel.ID)) {
            execution.addCustomValue(START_NANOS, System.nanoTime());
        }
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        long end = System.nanoTime();
        RequestContext context = toolbar.current().orElse(null);
        Long start = context == null ? null : execution.getCustomValue(START_NANOS, Long.class);
        if (start == null) {
            return;
        }
        try {
            List<List<String>> parameterSets = parameterSets(queries);
            List<List<String>> batch = parameterSets.size() > 1 ? parameterSets : List.of();
            List<String> params = parameterSets.isEmpty() ? List.of() : parameterSets.get(0);
            Throwable failure = execution.getThrowable();
            context.sql().record(sqlText(queries), params, batch, start, end - start, updateCount(execution),
                    execution.getConnectionId(), failure == null ? null : failure.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record a statement", e);
        }
    }

    private static String sqlText(List<QueryInfo> queries) {
        if (queries.size() == 1) {
            return queries.get(0).getQuery();
        }
        List<String> texts = new ArrayList<>(queries.size());
        queries.forEach(query -> texts.add(query.getQuery()));
        return String.join(";\n", texts);
    }

    private static List<List<String>> parameterSets(List<QueryInfo> queries) {
        List<List<String>> sets = new ArrayList<>();
        for (QueryInfo query : queries) {
            for (List<ParameterSetOperation> operations : query.getParametersList()) {
                sets.add(parameterValues(operations));
            }
        }
        return sets;
    }

    private static List<String> parameterValues(List<ParameterSetOperation> operations) {
        List<ParameterSetOperation> ordered = new ArrayList<>(operations);
        ordered.removeIf(ParameterSetOperation::isRegisterOutParameterOperation);
        ordered.sort(Comparator.comparing(SqlRecorder::position));
        List<String> values = new ArrayList<>(ordered.size());
        for (ParameterSetOperation operation : ordered) {
            values.add(ParameterSetOperation.isSetNullParameterOperation(operation)
                    ? null : display(operation.getArgs()[1]));
        }
        return Collections.unmodifiableList(values);
    }

    /** The parameter's position, or a large number for a named parameter so those keep their order at the end. */
    private static Integer position(ParameterSetOperation operation) {
        return operation.getArgs()[0] instanceof Integer index ? index : Integer.MAX_VALUE;
    }

    private static String display(Object value) {
        if (value instanceof InputStream || value instanceof Reader) {
            return "[stream]";
        }
        return Text.preview(value);
    }

    private static Integer updateCount(ExecutionInfo execution) {
        Object result = execution.getResult();
        if (result instanceof Integer count) {
            return count;
        }
        if (result instanceof Long count) {
            return (int) Math.min(Integer.MAX_VALUE, count);
        }
        if (result instanceof int[] counts) {
            int sum = 0;
            for (int count : counts) {
                sum += Math.max(count, 0);
            }
            return sum;
        }
        return null;
    }
}
