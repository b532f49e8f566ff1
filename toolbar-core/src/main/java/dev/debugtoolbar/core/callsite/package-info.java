/**
 * Call sites of recorded calls: {@link dev.debugtoolbar.core.callsite.CallSite} captures the stack cheaply
 * while the application runs and finds the first application frame only when the request ends. Any
 * collector (cache calls now, SQL statements later) can use it.
 */
package dev.debugtoolbar.core.callsite;
