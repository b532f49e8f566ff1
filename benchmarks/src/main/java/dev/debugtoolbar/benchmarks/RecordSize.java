package dev.debugtoolbar.benchmarks;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestRecord;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jol.info.GraphLayout;

/**
 * The memory a stored {@link RequestRecord} takes per SQL statement: records of 0, 20, 100 and 1,000 statements
 * are made by the toolbar over H2 (like {@link StatementCostBenchmark}'s requests) and measured with JOL, every
 * object reachable from the record counted once; the bytes per statement are the difference to the record
 * without statements, divided by the count. Each record is measured as stored (its deferred panels' stats not
 * made yet: it holds the request's raw facts) and after its first reading. Two workloads: one SQL text from one
 * call site, and {@value StatementCostBenchmark#STATEMENTS} texts from as many call sites in turn.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.debugtoolbar.benchmarks.RecordSize}
 */
public final class RecordSize {

    private static final int[] COUNTS = {0, 20, 100, 1_000};

    private RecordSize() {
    }

    /** Prints a table of record sizes and bytes per statement. */
    public static void main(String[] args) throws SQLException {
        JdbcConnectionPool h2 = StatementCostBenchmark.bookDatabase();
        try (DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build()) {
            DataSource dataSource = toolbar.wrap(h2);
            // the panels (and through them the configuration and the data sources) are the toolbar's, not a record's
            GraphLayout shared = GraphLayout.parseInstance(toolbar.panels().toArray());
            System.out.printf("%-9s %11s %9s %13s %15s%n", "workload", "statements", "read", "record bytes",
                    "bytes/statement");
            for (boolean distinct : new boolean[] {false, true}) {
                long[] empty = new long[2];
                for (int count : COUNTS) {
                    RequestRecord record = record(toolbar, dataSource, count, distinct);
                    for (int read = 0; read < 2; read++) {
                        if (read == 1) {
                            record.panels().values().forEach(panel -> { }); // the first reading makes the stats
                        }
                        long bytes = GraphLayout.parseInstance(record).subtract(shared).totalSize();
                        empty[read] = count == 0 ? bytes : empty[read];
                        System.out.printf("%-9s %11d %9s %13d %15s%n", distinct ? "distinct" : "repeated", count,
                                read == 0 ? "not yet" : "yes", bytes,
                                count == 0 ? "-" : Long.toString((bytes - empty[read]) / count));
                    }
                }
            }
        } finally {
            h2.dispose();
        }
    }

    /** A finished record of {@code statements} statements, run through {@code dataSource} (wrapped by {@code toolbar}). */
    static RequestRecord record(DebugToolbar toolbar, DataSource dataSource, int statements, boolean distinct)
            throws SQLException {
        RequestContext context = toolbar.start(FixedRequest.REQUEST);
        try (DebugToolbar.Binding ignored = toolbar.bind(context);
             Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < statements; i++) {
                if (distinct) {
                    StatementCostBenchmark.distinct(connection, i % StatementCostBenchmark.STATEMENTS);
                } else {
                    StatementCostBenchmark.select(connection, StatementCostBenchmark.REPEATED_SQL, 1 + i % 100);
                }
            }
        }
        return toolbar.finish(context, FixedRequest.RESPONSE);
    }
}
