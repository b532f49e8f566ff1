/**
 * The page-level benchmarks' fixed page: {@link dev.debugtoolbar.benchmarks.page.PageServer} serves it without
 * the toolbar, with the toolbar hidden from the client, and with the toolbar shown, for {@code benchmarks/load.sh}
 * (throughput and latency under wrk) and {@link dev.debugtoolbar.benchmarks.page.SqlPanelTiming} (the SQL panel
 * in headless Chromium).
 */
package dev.debugtoolbar.benchmarks.page;
