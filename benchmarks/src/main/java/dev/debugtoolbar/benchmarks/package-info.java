/**
 * Benchmarks of what the toolbar costs, run by hand (never by the test suite): build with
 * {@code mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests}, then run the JMH benchmarks with
 * {@code java -jar benchmarks/target/benchmarks.jar NAME} ({@link dev.debugtoolbar.benchmarks.StatementCostBenchmark},
 * {@link dev.debugtoolbar.benchmarks.InjectionBenchmark}, {@link dev.debugtoolbar.benchmarks.SqlPanelRenderBenchmark})
 * and the others with {@code java -cp benchmarks/target/benchmarks.jar CLASS}
 * ({@link dev.debugtoolbar.benchmarks.RecordSize}; the page benchmarks are in
 * {@link dev.debugtoolbar.benchmarks.page}). Results and the exact commands are in {@code docs/performance.md}.
 */
package dev.debugtoolbar.benchmarks;
