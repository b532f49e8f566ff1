package dev.debugtoolbar.benchmarks;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.callsite.StackFilter;
import net.ttddyy.dsproxy.listener.NoOpQueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * What recording costs per SQL statement. One benchmark operation is one request of
 * {@value #STATEMENTS} prepared SELECTs on in-memory H2 behind H2's connection pool, on one connection
 * (each statement: prepare, bind an int, execute, read the row, close), issued from application code at a
 * stack depth of {@code depth} frames; the score is per statement.
 *
 * <ul>
 *   <li>{@code recording}: {@code raw} (H2 alone), {@code noopProxy} (datasource-proxy with a no-op
 *       listener), {@code toolbar} (the toolbar's recording during the request: parameters, timing,
 *       connection and transaction, rows read, sampled deferred stacks), {@code toolbarEnd} (the same plus
 *       the end-of-request analysis: stacks resolved, groups, N+1, stored record), {@code eagerStack} (the
 *       toolbar's recording without its stacks, plus {@code Thread.getStackTrace()} filtered to the
 *       application's frames for every statement, as an eager toolbar would).</li>
 *   <li>{@code workload}: {@code repeated} runs one SQL text with other parameters from one call site
 *       (an N+1 page); {@code distinct} runs {@value #STATEMENTS} different SQL texts from as many call
 *       sites.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StatementCostBenchmark {

    static final int STATEMENTS = 50;
    static final String REPEATED_SQL = "SELECT name FROM book WHERE id = ?";
    private static final String[] DISTINCT_SQL = new String[STATEMENTS];
    private static final StackFilter FILTER = StackFilter.defaults();

    static {
        for (int i = 0; i < STATEMENTS; i++) {
            DISTINCT_SQL[i] = "SELECT name FROM book WHERE id = ? AND " + i + " = " + i;
        }
    }

    @Param({"raw", "noopProxy", "toolbar", "toolbarEnd", "eagerStack"})
    public String recording;

    @Param({"26", "76"})
    public int depth;

    @Param({"repeated", "distinct"})
    public String workload;

    private JdbcConnectionPool h2;
    private DataSource dataSource;
    private DebugToolbar toolbar;
    private int padding = -1;
    private int measuredDepth;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        h2 = bookDatabase();
        switch (recording) {
            case "raw" -> dataSource = h2;
            case "noopProxy" -> dataSource = ProxyDataSourceBuilder.create(h2)
                    .listener(new NoOpQueryExecutionListener()).build();
            case "toolbar", "toolbarEnd" -> {
                toolbar = DebugToolbar.builder().enabled(true).storeCapacity(10).build();
                dataSource = toolbar.wrap(h2);
            }
            case "eagerStack" -> {
                toolbar = DebugToolbar.builder().enabled(true).storeCapacity(10).maxStacks(0).build();
                dataSource = toolbar.wrap(h2);
            }
            default -> throw new IllegalArgumentException(recording);
        }
    }

    /** An in-memory H2 database of 100 books, behind H2's pool (as applications have: opening a connection costs milliseconds). */
    static JdbcConnectionPool bookDatabase() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128",
                "sa", "");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS book (id INT PRIMARY KEY, name VARCHAR(40))");
            statement.execute("MERGE INTO book SELECT x, 'book ' || x FROM SYSTEM_RANGE(1, 100)");
        }
        return pool;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE book");
        }
        h2.dispose();
        System.out.println("\n[depth at the application's JDBC call: " + measuredDepth + " frames]");
    }

    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public void request(Blackhole blackhole) throws SQLException {
        blackhole.consume(descend(Math.max(padding, 0), blackhole));
    }

    /** Adds frames until the application code runs at the wanted depth. */
    private int descend(int frames, Blackhole blackhole) throws SQLException {
        return frames == 0 ? inRequest(blackhole) : descend(frames - 1, blackhole) + 1;
    }

    private int inRequest(Blackhole blackhole) throws SQLException {
        if (padding < 0) {
            // frames here, plus statements() and select() below: the depth at the JDBC call
            measuredDepth = StackWalker.getInstance().walk(frames -> (int) frames.count()) + 2;
            padding = Math.max(0, depth - measuredDepth);
            measuredDepth += padding;
        }
        if (toolbar == null) {
            return statements(blackhole);
        }
        RequestContext context = toolbar.start(FixedRequest.REQUEST);
        int result;
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            result = statements(blackhole);
        }
        if (recording.equals("toolbarEnd")) {
            blackhole.consume(toolbar.finish(context, FixedRequest.RESPONSE));
        }
        return result;
    }

    private int statements(Blackhole blackhole) throws SQLException {
        int sum = 0;
        boolean eager = recording.equals("eagerStack");
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < STATEMENTS; i++) {
                if (eager) {
                    blackhole.consume(FILTER.callSite(Thread.currentThread().getStackTrace()));
                }
                sum += workload.equals("repeated") ? select(connection, REPEATED_SQL, 1 + i) : distinct(connection, i);
            }
        }
        return sum;
    }

    /** Each statement from a call site of its own. */
    static int distinct(Connection connection, int i) throws SQLException {
        int id = 1 + i;
        return switch (i) {
            case 0 -> select(connection, DISTINCT_SQL[0], id);
            case 1 -> select(connection, DISTINCT_SQL[1], id);
            case 2 -> select(connection, DISTINCT_SQL[2], id);
            case 3 -> select(connection, DISTINCT_SQL[3], id);
            case 4 -> select(connection, DISTINCT_SQL[4], id);
            case 5 -> select(connection, DISTINCT_SQL[5], id);
            case 6 -> select(connection, DISTINCT_SQL[6], id);
            case 7 -> select(connection, DISTINCT_SQL[7], id);
            case 8 -> select(connection, DISTINCT_SQL[8], id);
            case 9 -> select(connection, DISTINCT_SQL[9], id);
            case 10 -> select(connection, DISTINCT_SQL[10], id);
            case 11 -> select(connection, DISTINCT_SQL[11], id);
            case 12 -> select(connection, DISTINCT_SQL[12], id);
            case 13 -> select(connection, DISTINCT_SQL[13], id);
            case 14 -> select(connection, DISTINCT_SQL[14], id);
            case 15 -> select(connection, DISTINCT_SQL[15], id);
            case 16 -> select(connection, DISTINCT_SQL[16], id);
            case 17 -> select(connection, DISTINCT_SQL[17], id);
            case 18 -> select(connection, DISTINCT_SQL[18], id);
            case 19 -> select(connection, DISTINCT_SQL[19], id);
            case 20 -> select(connection, DISTINCT_SQL[20], id);
            case 21 -> select(connection, DISTINCT_SQL[21], id);
            case 22 -> select(connection, DISTINCT_SQL[22], id);
            case 23 -> select(connection, DISTINCT_SQL[23], id);
            case 24 -> select(connection, DISTINCT_SQL[24], id);
            case 25 -> select(connection, DISTINCT_SQL[25], id);
            case 26 -> select(connection, DISTINCT_SQL[26], id);
            case 27 -> select(connection, DISTINCT_SQL[27], id);
            case 28 -> select(connection, DISTINCT_SQL[28], id);
            case 29 -> select(connection, DISTINCT_SQL[29], id);
            case 30 -> select(connection, DISTINCT_SQL[30], id);
            case 31 -> select(connection, DISTINCT_SQL[31], id);
            case 32 -> select(connection, DISTINCT_SQL[32], id);
            case 33 -> select(connection, DISTINCT_SQL[33], id);
            case 34 -> select(connection, DISTINCT_SQL[34], id);
            case 35 -> select(connection, DISTINCT_SQL[35], id);
            case 36 -> select(connection, DISTINCT_SQL[36], id);
            case 37 -> select(connection, DISTINCT_SQL[37], id);
            case 38 -> select(connection, DISTINCT_SQL[38], id);
            case 39 -> select(connection, DISTINCT_SQL[39], id);
            case 40 -> select(connection, DISTINCT_SQL[40], id);
            case 41 -> select(connection, DISTINCT_SQL[41], id);
            case 42 -> select(connection, DISTINCT_SQL[42], id);
            case 43 -> select(connection, DISTINCT_SQL[43], id);
            case 44 -> select(connection, DISTINCT_SQL[44], id);
            case 45 -> select(connection, DISTINCT_SQL[45], id);
            case 46 -> select(connection, DISTINCT_SQL[46], id);
            case 47 -> select(connection, DISTINCT_SQL[47], id);
            case 48 -> select(connection, DISTINCT_SQL[48], id);
            case 49 -> select(connection, DISTINCT_SQL[49], id);
            default -> throw new IllegalArgumentException("statement " + i);
        };
    }

    static int select(Connection connection, String sql, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1).length();
            }
        }
    }
}
