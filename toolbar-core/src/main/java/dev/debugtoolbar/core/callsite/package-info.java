/**
 * Where recorded calls come from, captured cheaply and shared by every collector (SQL statements, cache
 * calls). On the hot path a {@link dev.debugtoolbar.core.callsite.CallSiteSampler} decides whether a call
 * gets a {@link dev.debugtoolbar.core.callsite.StackCapture} of its own (a bare {@link java.lang.Throwable},
 * whose frames the JVM records natively) or shares the capture of an earlier call with the same key; only
 * when the request ends does a {@link dev.debugtoolbar.core.callsite.StackFilter} turn captures into
 * {@link dev.debugtoolbar.core.callsite.CallSite}s: the application's frames, without the JDK, the
 * servlet container, JDBC drivers, pools, template engines and the toolbar.
 */
package dev.debugtoolbar.core.callsite;
