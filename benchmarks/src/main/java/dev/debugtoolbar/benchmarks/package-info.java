/**
 * JMH benchmarks of what the toolbar costs, run by hand (never by the test suite): build with
 * {@code mvn -B -q -Pbenchmarks package -DskipTests}, run {@code java -jar benchmarks/target/benchmarks.jar}.
 * Results and the exact commands are in {@code docs/performance.md}.
 */
package dev.debugtoolbar.benchmarks;
