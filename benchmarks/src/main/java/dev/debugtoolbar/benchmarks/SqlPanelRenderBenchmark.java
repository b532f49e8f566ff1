package dev.debugtoolbar.benchmarks;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.ui.ToolbarRenderer;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's part of opening the SQL panel: rendering its HTML (the summary and the first page of rows)
 * from a stored record of {@code statements} statements recorded over H2, as the panel endpoint does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqlPanelRenderBenchmark {

    @Param({"1000"})
    public int statements;

    private JdbcConnectionPool h2;
    private RequestRecord record;
    private PanelResult sql;
    private final ToolbarRenderer renderer = new ToolbarRenderer();

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        h2 = StatementCostBenchmark.bookDatabase();
        try (DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build()) {
            record = RecordSize.record(toolbar, toolbar.wrap(h2), statements, false);
        }
        sql = record.panel("sql").orElseThrow();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        h2.dispose();
    }

    @Benchmark
    public String renderSqlPanel() {
        return renderer.renderPanel(record, sql, "/__toolbar");
    }
}
