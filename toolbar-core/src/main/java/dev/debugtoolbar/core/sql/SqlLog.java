package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.RecordBudget;
import dev.debugtoolbar.core.callsite.CallSiteSampler;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.timeline.TimedEvent;
import dev.debugtoolbar.core.timeline.TimedEvents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements, connections and transactions of one request, as recorded while it runs. Keeps at most
 * a configured number of statements, and only while the record's {@link RecordBudget} allows; further
 * statements are counted but not kept. A statement's text is kept up to {@value #MAX_SQL_CHARS} characters, a
 * batch's entries up to {@value #MAX_BATCH_BYTES} bytes (the others are counted), and a text parameter up to
 * {@value SqlValues#MAX_KEPT_CHARS} characters: a statement cut so cannot be run again. Takes call-site
 * stacks sparingly (see {@link CallSiteSampler}). Thread-safe: an asynchronous request may run
 * statements on several threads.
 */
public final class SqlLog implements TimedEvents {

    /** The longest SQL text kept; a longer one is cut, saying how much was left out. */
    static final int MAX_SQL_CHARS = 100_000;
    /** The estimated size of a batch's entries kept; the entries beyond are counted only. */
    static final int MAX_BATCH_BYTES = 256 * 1024;
    /** The estimated size of the arrays and lists that hold one set of parameters and their display texts. */
    private static final int ENTRY_BYTES = 64;
    /** The longest failure message kept. */
    private static final int MAX_ERROR_CHARS = 4_000;
    /** The estimated size of a call-site stack until it is resolved, and of its frames afterwards. */
    private static final int STACK_BYTES = 4_096;

    private final long requestStartNanos;
    private final int capacity;
    private final CallSiteSampler sampler;
    private final RecordBudget budget;
    private final List<RecordedStatement> statements = new ArrayList<>();
    private final Map<String, ConnectionState> connections = new LinkedHashMap<>();
    private final Map<String, Transaction> transactions = new LinkedHashMap<>();
    private int dropped;
    private long keptNanos;

    /**
     * A log for a request that began at {@code requestStartNanos} ({@link System#nanoTime()}), keeping
     * {@code capacity} statements within {@code budget} and taking at most {@code maxStacks} call-site stacks.
     */
    public SqlLog(long requestStartNanos, int capacity, int maxStacks, RecordBudget budget) {
        this.requestStartNanos = requestStartNanos;
        this.capacity = capacity;
        this.sampler = new CallSiteSampler(maxStacks);
        this.budget = budget;
    }

    /** The statements kept so far, in order, before the end-of-request analysis (no call sites, no groups). */
    public List<QueryEvent> events() {
        return SqlAnalysis.plain(snapshot());
    }

    /** The kept statements as the Timeline draws them: the SQL, when, how long, whether it failed. */
    @Override
    public synchronized List<TimedEvent> timedEvents() {
        List<TimedEvent> events = new ArrayList<>(statements.size());
        for (RecordedStatement statement : statements) {
            events.add(new TimedEvent(statement.sql, millis(statement.startNanos - requestStartNanos),
                    millis(statement.durationNanos), statement.error != null));
        }
        return events;
    }

    /** How many statements ran beyond the capacity and were only counted. */
    public synchronized int dropped() {
        return dropped;
    }

    /** How many statements ran: those kept and those only counted. */
    public synchronized int count() {
        return statements.size() + dropped;
    }

    /** The time the kept statements spent in the driver, in milliseconds; kept as a running total. */
    public synchronized double keptMillis() {
        return millis(keptNanos);
    }

    /**
     * Records a statement that did not run through a wrapped data source, for example one a collector of
     * another data-access library saw: its SQL, when it started ({@link System#nanoTime()}), how long it
     * took and its failure ({@code null} when it succeeded). It cannot be explained or run again.
     */
    public void record(String sql, long startNanos, long durationNanos, String error) {
        record(connection("external"), sql, new Object[0], List.of(), 0, "external", startNanos, durationNanos,
                null, null, error);
    }

    synchronized ConnectionState connection(String rawId) {
        return connections.computeIfAbsent(rawId, ConnectionState::new);
    }

    /**
     * Records a finished statement whose batch had {@code batchOmitted} entries beyond those in {@code batch};
     * returns it, or {@code null} when it was beyond the capacity or the record's budget.
     */
    synchronized RecordedStatement record(ConnectionState connection, String sql, Object[] params,
                                          List<Object[]> batch, int batchOmitted, String dataSource,
                                          long startNanos, long durationNanos, Integer updateCount,
                                          RowCount rowsRead, String error) {
        String keptSql = Text.cut(sql, MAX_SQL_CHARS);
        String keptError = Text.cut(error, MAX_ERROR_CHARS);
        long bytes = RecordBudget.DETAIL_BYTES + RecordBudget.bytes(keptSql) + RecordBudget.bytes(keptError)
                + bytes(params);
        for (Object[] entry : batch) {
            bytes += bytes(entry);
        }
        if (statements.size() >= capacity) {
            dropped++;
            return null;
        }
        CallSiteSampler.Sample sample = sampler.sample(keptSql);
        boolean newStack = sample.capture() != null && !sample.inferred();
        if (!budget.take(bytes + (newStack ? STACK_BYTES : 0))) {
            dropped++;
            return null;
        }
        boolean cut = keptSql != sql || anyCut(params);
        String transactionId = null;
        if (Boolean.FALSE.equals(connection.autoCommit)) {
            if (connection.openTransaction == null) {
                connection.openTransaction = "t" + (transactions.size() + 1);
                transactions.put(connection.openTransaction, new Transaction(connection.rawId));
            }
            transactionId = connection.openTransaction;
        }
        RecordedStatement statement = new RecordedStatement(statements.size(), keptSql, params, batch, batchOmitted,
                cut, dataSource, startNanos, durationNanos, updateCount, rowsRead, connection.rawId, transactionId,
                keptError, sample.capture(), sample.inferred());
        statements.add(statement);
        keptNanos += durationNanos;
        if (transactionId != null) {
            Transaction transaction = transactions.get(transactionId);
            transaction.statements++;
            transaction.lastIndex = statement.index;
        }
        connection.last = statement;
        return statement;
    }

    /** The connection's open transaction, if any, ended with {@code outcome} ({@code commit} or {@code rollback}). */
    synchronized void endTransaction(ConnectionState connection, String outcome, long nanos) {
        if (connection.openTransaction != null) {
            Transaction transaction = transactions.get(connection.openTransaction);
            transaction.outcome = outcome;
            transaction.endNanos = nanos;
            connection.openTransaction = null;
        }
    }

    synchronized Snapshot snapshot() {
        Map<String, String> connectionIds = new HashMap<>();
        connections.keySet().forEach(raw -> connectionIds.put(raw, "c" + (connectionIds.size() + 1)));
        List<SqlTransaction> ended = new ArrayList<>();
        transactions.forEach((id, t) -> ended.add(new SqlTransaction(id, connectionIds.get(t.connectionRawId),
                t.statements, t.outcome, t.endNanos == null ? null : millis(t.endNanos - requestStartNanos),
                t.lastIndex)));
        return new Snapshot(List.copyOf(statements), dropped, connectionIds, ended, sampler.captured(),
                sampler.limitReached(), requestStartNanos);
    }

    /** The estimated size of parameters as kept, with the lists that hold them and their display texts. */
    static long bytes(Object[] values) {
        long bytes = ENTRY_BYTES;
        for (Object value : values) {
            bytes += SqlValues.bytes(value);
        }
        return bytes;
    }

    private static boolean anyCut(Object[] values) {
        for (Object value : values) {
            if (SqlValues.cut(value)) {
                return true;
            }
        }
        return false;
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** A consistent copy of the log for the end-of-request analysis. */
    record Snapshot(List<RecordedStatement> statements, int dropped, Map<String, String> connectionIds,
                    List<SqlTransaction> transactions, int stacksCaptured, boolean stackLimitReached,
                    long requestStartNanos) {
    }

    private static final class Transaction {
        final String connectionRawId;
        int statements;
        int lastIndex = -1;
        String outcome = "open";
        Long endNanos;

        Transaction(String connectionRawId) {
            this.connectionRawId = connectionRawId;
        }
    }
}
