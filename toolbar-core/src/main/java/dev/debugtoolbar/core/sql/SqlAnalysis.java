package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.callsite.CallSite;
import dev.debugtoolbar.core.callsite.StackFilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The end-of-request analysis of a {@link SqlLog}: call sites resolved, duplicates (same SQL and
 * parameters), similar statements (same SQL, other parameters), likely N+1 patterns (many similar
 * statements from one call site), slow statements, and which statements may be explained. Runs once per
 * request, after the application is done, so it may take its time.
 */
final class SqlAnalysis {

    /** The analysis options. */
    record Options(StackFilter stackFilter, double slowMillis, int nPlusOneThreshold, int maxStacks,
                   SqlDataSources dataSources) {
    }

    /** The replay refusal of a statement that was not analysed. */
    private static final String NOT_ANALYSED = "The statement was not analysed.";

    private SqlAnalysis() {
    }

    /** The statements as recorded, without analysis. */
    static List<QueryEvent> plain(SqlLog.Snapshot snapshot) {
        List<QueryEvent> events = new ArrayList<>(snapshot.statements().size());
        for (RecordedStatement statement : snapshot.statements()) {
            events.add(event(statement, snapshot, CallSite.UNKNOWN, null, null, false, NOT_ANALYSED));
        }
        return events;
    }

    static SqlStats analyse(SqlLog.Snapshot snapshot, Options options) {
        List<RecordedStatement> statements = snapshot.statements();
        Map<List<Object>, Integer> firstBySqlAndParams = new HashMap<>();
        Map<String, Set<List<Object>>> parameterSetsBySql = new HashMap<>();
        Integer[] duplicateOf = new Integer[statements.size()];
        CallSite[] callSites = new CallSite[statements.size()];
        for (RecordedStatement statement : statements) {
            List<Object> key = List.of(statement.sql, parameterKey(statement));
            Integer first = firstBySqlAndParams.putIfAbsent(key, statement.index);
            duplicateOf[statement.index] = first;
            parameterSetsBySql.computeIfAbsent(statement.sql, sql -> new HashSet<>()).add(key);
            callSites[statement.index] = statement.stack == null ? CallSite.UNKNOWN
                    : statement.stack.resolve(options.stackFilter());
        }

        Map<String, Integer> similarGroups = new LinkedHashMap<>();
        // grouped by the whole application stack, so that two loops calling one JDBC helper stay apart
        Map<String, Map<List<String>, List<Integer>>> bySqlAndCallSite = new LinkedHashMap<>();
        for (RecordedStatement statement : statements) {
            if (parameterSetsBySql.get(statement.sql).size() > 1) {
                similarGroups.putIfAbsent(statement.sql, similarGroups.size() + 1);
                bySqlAndCallSite.computeIfAbsent(statement.sql, sql -> new LinkedHashMap<>())
                        .computeIfAbsent(callSites[statement.index].stack(), site -> new ArrayList<>())
                        .add(statement.index);
            }
        }

        List<QueryEvent> queries = new ArrayList<>(statements.size());
        double total = 0;
        int errors = 0;
        int duplicates = 0;
        int similar = 0;
        int slow = 0;
        for (RecordedStatement statement : statements) {
            Integer group = similarGroups.get(statement.sql);
            boolean isSlow = statement.durationNanos / 1_000_000.0 > options.slowMillis();
            String refusal = options.dataSources().original(statement.dataSource).isEmpty()
                    ? SqlReplayer.unknownDataSource(statement.dataSource)
                    : SqlReplayer.refusal(statement.sql, options.dataSources().product(statement.dataSource),
                    !statement.batch.isEmpty(), statement.cut, Arrays.asList(statement.params));
            QueryEvent query = event(statement, snapshot, callSites[statement.index], duplicateOf[statement.index],
                    group, isSlow, refusal);
            queries.add(query);
            total += query.durationMillis();
            errors += query.error() == null ? 0 : 1;
            duplicates += query.duplicateOf() == null ? 0 : 1;
            similar += group == null ? 0 : 1;
            slow += isSlow ? 1 : 0;
        }

        List<NPlusOne> nPlusOne = new ArrayList<>();
        bySqlAndCallSite.forEach((sql, bySite) -> bySite.forEach((stack, indexes) -> {
            if (indexes.size() >= options.nPlusOneThreshold()) {
                String site = stack.isEmpty() ? null : stack.get(0);
                nPlusOne.add(new NPlusOne(sql, indexes.size(), site, hint(sql), indexes.get(0)));
            }
        }));
        nPlusOne.sort(Comparator.comparingInt(NPlusOne::count).reversed());

        Map<String, String> databases = new LinkedHashMap<>();
        for (RecordedStatement statement : statements) {
            databases.computeIfAbsent(statement.dataSource, id -> {
                String product = options.dataSources().product(id);
                return product == null ? "unknown" : product;
            });
        }
        return new SqlStats(queries.size() + snapshot.dropped(), total, errors, snapshot.dropped(), queries,
                duplicates, similar, nPlusOne, slow, options.slowMillis(), snapshot.stacksCaptured(),
                options.maxStacks(), snapshot.stackLimitReached(), snapshot.transactions(),
                snapshot.connectionIds().size(), databases, !options.dataSources().isEmpty());
    }

    private static List<Object> parameterKey(RecordedStatement statement) {
        if (statement.batch.isEmpty()) {
            return Arrays.asList(statement.params);
        }
        List<Object> entries = new ArrayList<>(statement.batch.size());
        statement.batch.forEach(entry -> entries.add(Arrays.asList(entry)));
        return entries;
    }

    private static String hint(String sql) {
        String verb = sql.stripLeading().split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        if (verb.equals("SELECT") || verb.equals("WITH")) {
            return "Load these rows in one query, with WHERE ... IN (...) or a JOIN, instead of one query per row.";
        }
        return "Send these as one batch (addBatch/executeBatch) or one set-based statement.";
    }

    private static QueryEvent event(RecordedStatement statement, SqlLog.Snapshot snapshot, CallSite callSite,
                                    Integer duplicateOf, Integer similarGroup, boolean slow, String refusal) {
        List<String> params = display(statement.params);
        List<List<String>> batch = new ArrayList<>(statement.batch.size());
        statement.batch.forEach(entry -> batch.add(display(entry)));
        return new QueryEvent(statement.index, statement.sql, params, batch,
                SqlLog.millis(statement.startNanos - snapshot.requestStartNanos()),
                SqlLog.millis(statement.durationNanos), statement.rows(),
                snapshot.connectionIds().get(statement.connectionId), statement.transactionId, statement.dataSource,
                statement.error, callSite.frame(), callSite.stack(),
                statement.stackInferred && callSite.frame() != null, duplicateOf, similarGroup, slow, refusal == null,
                Arrays.asList(statement.params), refusal, statement.batchOmitted, statement.cut);
    }

    private static List<String> display(Object[] values) {
        List<String> texts = new ArrayList<>(values.length);
        for (Object value : values) {
            texts.add(SqlValues.display(value));
        }
        return texts;
    }
}
