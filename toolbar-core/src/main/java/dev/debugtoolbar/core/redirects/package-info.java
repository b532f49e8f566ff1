/**
 * The Redirects panel, and the rule by which the host intercepts a browser's redirect to show an intermediate
 * page with the target link and the redirecting request's toolbar (opt-in).
 */
package dev.debugtoolbar.core.redirects;
