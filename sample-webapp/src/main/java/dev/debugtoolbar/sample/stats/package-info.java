/** The shop's counts as JSON at {@code /api/stats}, the endpoint that the AJAX page calls. */
package dev.debugtoolbar.sample.stats;
