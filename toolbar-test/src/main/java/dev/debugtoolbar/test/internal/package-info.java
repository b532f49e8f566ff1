/** Machinery of the test helpers: record sources, the statement analysis seam, message formatting. */
package dev.debugtoolbar.test.internal;
