/**
 * Query budgets for your own tests: {@link dev.debugtoolbar.test.RecordedRequests} finds the toolbar's record
 * of a request your test made (by its {@code X-Debug-Toolbar-Id}, or the last one), and
 * {@link dev.debugtoolbar.test.RecordedRequest} asserts on it: at most N statements, no N+1, no duplicates, at
 * most N cache misses, with failure messages that list the offending statements.
 * {@link dev.debugtoolbar.test.RecordedRequestsExtension} is the JUnit 5 glue; everything else works with any
 * test framework.
 */
package dev.debugtoolbar.test;
