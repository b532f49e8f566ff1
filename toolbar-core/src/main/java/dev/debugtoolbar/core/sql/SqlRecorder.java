package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.internal.Text;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.GlobalConnectionIdManager;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogicFactory;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records each statement run while a request is bound into that request's {@link SqlLog}, unless the user
 * switched the SQL panel off for it: its SQL, its parameters as bound (kept re-bindable where possible), its timing, connection and transaction, the rows
 * the application reads from its result sets, and a call-site stack when the log's sampler wants one.
 * Also follows {@code commit}, {@code rollback} and {@code setAutoCommit} on the data source's connections.
 * Outside a bound request every callback costs one thread-local read. Never throws into the application: each
 * callback's work runs under {@link Guard}.
 */
final class SqlRecorder implements QueryExecutionListener, MethodExecutionListener {

    private static final Comparator<ParameterSetOperation> BY_POSITION = Comparator.comparing(SqlRecorder::position);

    private final Supplier<RequestContext> current;
    private final String dataSourceId;
    private final SqlDataSources dataSources;

    private SqlRecorder(Supplier<RequestContext> current, String dataSourceId, SqlDataSources dataSources) {
        this.current = current;
        this.dataSourceId = dataSourceId;
        this.dataSources = dataSources;
    }

    /** A data source over {@code original} that records into the current request, named {@code dataSourceId}. */
    static DataSource wrap(DataSource original, String dataSourceId, Supplier<RequestContext> current,
                           SqlDataSources dataSources) {
        SqlRecorder recorder = new SqlRecorder(current, dataSourceId, dataSources);
        return ProxyDataSourceBuilder.create(dataSourceId, original)
                .listener(recorder)
                .methodListener(recorder)
                .connectionIdManager(new GlobalConnectionIdManager())
                // enables result-set proxies; RowCountingProxyFactory makes them, and only inside a request
                .proxyResultSet(ResultSetProxyLogicFactory.DEFAULT)
                .jdbcProxyFactory(new RowCountingProxyFactory(current))
                .build();
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        RequestContext context = current.get();
        if (context != null && context.isPanelEnabled(SqlPanel.ID)) {
            Guard.run(() -> {
                ConnectionState connection = context.sql().connection(execution.getConnectionId());
                connection.executing = true;
                connection.pendingRows = null;
                connection.startNanos = System.nanoTime();
            }, failure -> { }, "could not note a statement's start");
        }
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        long end = System.nanoTime();
        RequestContext context = current.get();
        if (context == null) {
            return;
        }
        Guard.run(() -> {
            SqlLog log = context.sql();
            ConnectionState connection = log.connection(execution.getConnectionId());
            if (!connection.executing) {
                return;
            }
            connection.executing = false;
            if (connection.autoCommit == null) {
                connection.autoCommit = autoCommit(execution);
            }
            if (dataSources.product(dataSourceId) == null) {
                dataSources.noteProduct(dataSourceId, productName(execution));
            }
            ParameterSets sets = parameterSets(queries);
            Object[] params = sets.kept().isEmpty() ? new Object[0] : sets.kept().get(0);
            boolean isBatch = sets.kept().size() + sets.omitted() > 1;
            RowCount rows = connection.pendingRows;
            if (rows == null && Boolean.TRUE.equals(execution.getResult())) {
                rows = new RowCount(); // execute() gave a result set: getResultSet() counts into this
            }
            Throwable failure = execution.getThrowable();
            log.record(connection, sqlText(queries), params, isBatch ? sets.kept() : List.of(),
                    isBatch ? sets.omitted() : 0, dataSourceId, connection.startNanos, end - connection.startNanos,
                    updateCount(execution), rows, failure == null ? null : Text.preview(failure));
        }, failure -> { }, "could not record a statement");
    }

    @Override
    public void beforeMethod(MethodExecutionContext method) {
    }

    @Override
    public void afterMethod(MethodExecutionContext method) {
        if (!(method.getTarget() instanceof Connection) || method.getThrown() != null) {
            return;
        }
        String name = method.getMethod().getName();
        Object[] args = method.getMethodArgs();
        boolean commit = name.equals("commit");
        boolean rollback = name.equals("rollback") && (args == null || args.length == 0);
        boolean autoCommit = name.equals("setAutoCommit");
        if (!commit && !rollback && !autoCommit) {
            return;
        }
        RequestContext context = current.get();
        if (context == null) {
            return;
        }
        Guard.run(() -> {
            SqlLog log = context.sql();
            ConnectionState connection = log.connection(method.getConnectionInfo().getConnectionId());
            if (autoCommit) {
                boolean on = Boolean.TRUE.equals(args[0]);
                if (on) {
                    log.endTransaction(connection, "commit", System.nanoTime()); // JDBC: switching it on commits
                }
                connection.autoCommit = on;
            } else {
                log.endTransaction(connection, commit ? "commit" : "rollback", System.nanoTime());
            }
        }, failure -> { }, "could not follow a transaction");
    }

    private static Boolean autoCommit(ExecutionInfo execution) {
        return Guard.call(() -> execution.getStatement().getConnection().getAutoCommit(), failure -> Boolean.TRUE,
                "could not ask a connection whether it commits automatically");
    }

    private static String productName(ExecutionInfo execution) {
        return Guard.call(() -> execution.getStatement().getConnection().getMetaData().getDatabaseProductName(),
                failure -> "unknown", "could not ask a connection for its database's name");
    }

    /** The statement's text; the texts of a batch of statements joined, as far as a record keeps them. */
    private static String sqlText(List<QueryInfo> queries) {
        if (queries.size() == 1) {
            return queries.get(0).getQuery();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < queries.size() && text.length() <= SqlLog.MAX_SQL_CHARS; i++) {
            text.append(i == 0 ? "" : ";\n").append(queries.get(i).getQuery());
        }
        return text.toString();
    }

    /**
     * The parameters of each execution (one, or a batch's entries), as far as a record keeps them: a batch keeps
     * its first entries up to {@link SqlLog#MAX_BATCH_BYTES} and counts the others without looking at them.
     */
    private static ParameterSets parameterSets(List<QueryInfo> queries) {
        if (queries.size() == 1 && queries.get(0).getParametersList().size() == 1) {
            return new ParameterSets(List.<Object[]>of(parameterValues(queries.get(0).getParametersList().get(0))),
                    0);
        }
        List<Object[]> sets = new ArrayList<>();
        long bytes = 0;
        int omitted = 0;
        for (QueryInfo query : queries) {
            for (List<ParameterSetOperation> operations : query.getParametersList()) {
                if (bytes >= SqlLog.MAX_BATCH_BYTES) {
                    omitted++;
                    continue;
                }
                Object[] values = parameterValues(operations);
                sets.add(values);
                bytes += SqlLog.bytes(values);
            }
        }
        return new ParameterSets(sets, omitted);
    }

    /** The parameter sets kept, and how many more there were. */
    private record ParameterSets(List<Object[]> kept, int omitted) {
    }

    private static Object[] parameterValues(List<ParameterSetOperation> operations) {
        ParameterSetOperation[] ordered = operations.toArray(ParameterSetOperation[]::new);
        if (!inOrder(ordered)) {
            Arrays.sort(ordered, BY_POSITION);
        }
        Object[] values = new Object[ordered.length];
        int count = 0;
        for (ParameterSetOperation operation : ordered) {
            if (ParameterSetOperation.isRegisterOutParameterOperation(operation)) {
                continue;
            }
            values[count++] = ParameterSetOperation.isSetNullParameterOperation(operation)
                    ? null : SqlValues.capture(operation.getArgs()[1]);
        }
        return count == values.length ? values : Arrays.copyOf(values, count);
    }

    private static boolean inOrder(ParameterSetOperation[] operations) {
        for (int i = 0; i < operations.length; i++) {
            if (!(operations[i].getArgs()[0] instanceof Integer position) || position != i + 1) {
                return false;
            }
        }
        return true;
    }

    /** The parameter's position, or a large number for a named parameter so those keep their order at the end. */
    private static Integer position(ParameterSetOperation operation) {
        return operation.getArgs()[0] instanceof Integer index ? index : Integer.MAX_VALUE;
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
            long sum = 0;
            for (int count : counts) {
                sum += Math.max(count, 0);
            }
            return (int) Math.min(Integer.MAX_VALUE, sum);
        }
        if (result instanceof long[] counts) {
            long sum = 0;
            for (long count : counts) {
                sum += Math.max(count, 0);
            }
            return (int) Math.min(Integer.MAX_VALUE, sum);
        }
        return null;
    }
}
